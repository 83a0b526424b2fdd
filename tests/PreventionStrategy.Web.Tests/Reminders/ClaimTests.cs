using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>What a crash or a race between two runs costs: claims of a dead process, and keys planned twice at once.</summary>
public sealed class ClaimTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task A_batch_held_by_a_process_that_died_on_this_host_is_sent_on_the_next_run_and_the_outbox_says_why_it_waited()
    {
        var id = MilestoneTestData.Unique();
        var email = $"holdt-{id}@norddjurs.test";
        await Site.CreateEventAsync($"Temadag holdt {id}", MilestoneTestData.DanishToday.AddDays(1), [(await Site.CreatePersonAsync("Holdt", email), StakeholderRole.Participant)]);
        using (var scope = Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().PlanAsync(CancellationToken.None);
        }

        // As a run killed mid-batch leaves it: claimed, with most of its lease ahead, by a process that is gone.
        var dead = await DeadProcessIdAsync();
        var holder = $"{Environment.MachineName}:{dead}";
        await using (var db = Site.CreateDbContext())
        {
            var delivery = await db.Deliveries.SingleAsync(d => d.RecipientEmail == email);
            delivery.ClaimToken = Guid.NewGuid();
            delivery.ClaimedUntilUtc = DateTime.UtcNow.Add(DeliverySender.ClaimLease);
            delivery.ClaimedBy = holder;
            await db.SaveChangesAsync();
        }

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var outbox = await admin.GetDocumentAsync($"/Outbox?q=holdt-{id}");
        var row = Assert.Single(outbox.QuerySelectorAll("#outbox tbody tr"));
        Assert.Contains($"Afsenderen ({holder}) kører ikke længere; e-mailen sendes ved påmindelsesjobbets næste kørsel.", row.TextContent);

        await fixture.RunJobAsync();

        Assert.Single(fixture.Smtp.AcceptedRecipients, r => r == email);
    }

    [Fact]
    public async Task A_batch_held_by_another_host_waits_for_its_lease_and_the_outbox_says_until_when()
    {
        var id = MilestoneTestData.Unique();
        var email = $"andenvaert-{id}@norddjurs.test";
        await Site.CreateEventAsync($"Temadag anden vært {id}", MilestoneTestData.DanishToday.AddDays(1), [(await Site.CreatePersonAsync("Anden", email), StakeholderRole.Participant)]);
        using (var scope = Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().PlanAsync(CancellationToken.None);
        }

        await using (var db = Site.CreateDbContext())
        {
            var delivery = await db.Deliveries.SingleAsync(d => d.RecipientEmail == email);
            delivery.ClaimToken = Guid.NewGuid();
            delivery.ClaimedUntilUtc = DateTime.UtcNow.Add(DeliverySender.ClaimLease);
            delivery.ClaimedBy = "web-2:4242";
            await db.SaveChangesAsync();
        }

        await fixture.RunJobAsync();
        Assert.DoesNotContain(email, fixture.Smtp.AcceptedRecipients);

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var row = Assert.Single((await admin.GetDocumentAsync($"/Outbox?q=andenvaert-{id}")).QuerySelectorAll("#outbox tbody tr"));
        Assert.Contains("Under afsendelse (web-2:4242). Stopper den proces, prøves den igen senest ", row.TextContent);
    }

    [Fact]
    public async Task Two_runs_planning_the_same_event_at_the_same_moment_store_each_key_once_and_log_no_error()
    {
        var id = MilestoneTestData.Unique();
        var unitId = await Site.CreateUnitAsync($"Stor enhed {id}");
        for (var i = 0; i < 60; i++)
        {
            await Site.CreatePersonAsync($"Medlem {i}", $"stor-{i}-{id}@norddjurs.test", unitId);
        }

        var milestoneId = await Site.CreateEventAsync($"Stor temadag {id}", MilestoneTestData.DanishToday.AddDays(1), [(unitId, StakeholderRole.Participant)]);
        Site.Errors.Clear();

        var planned = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var scope = Site.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReminderJob>().PlanAsync(CancellationToken.None);
        })));

        await using var db = Site.CreateDbContext();
        Assert.Equal(60, await db.Deliveries.CountAsync(d => d.MilestoneId == milestoneId));
        Assert.True(planned.Sum() >= 60);
        // As text: xunit's formatter would walk the logged exceptions' whole object graph.
        var errors = Site.Errors.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n---\n", errors.Take(3)));
    }

    /// <summary>The id of a process that has just exited.</summary>
    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false }) ?? throw new InvalidOperationException("/bin/true did not start.");
        var pid = process.Id;
        await process.WaitForExitAsync();
        return pid;
    }
}
