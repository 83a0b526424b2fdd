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

    [Fact]
    public async Task A_run_stopped_mid_batch_releases_what_it_has_not_sent_and_the_next_run_sends_each_message_once()
    {
        var id = MilestoneTestData.Unique();
        var held = $"hold-{id}@norddjurs.test";
        var others = new[] { $"foer-{id}@norddjurs.test", $"efter-{id}@norddjurs.test" };
        var people = new List<(int, StakeholderRole)>();
        foreach (var email in others.Prepend(held))
        {
            people.Add((await Site.CreatePersonAsync("Stoppet", email), StakeholderRole.Participant));
        }

        var milestoneId = await Site.CreateEventAsync($"Temadag stoppet {id}", MilestoneTestData.DanishToday.AddDays(1), people);
        using (var scope = Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().PlanAsync(CancellationToken.None);
        }

        // The site shuts down while the mail server has not yet answered for the held recipient.
        using var stop = new CancellationTokenSource();
        var run = Task.Run(async () =>
        {
            using var scope = Site.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DeliverySender>().SendDueAsync(stop.Token);
        });
        while (!fixture.Smtp.Events().Contains($"hold {held}"))
        {
            Assert.False(run.IsCompleted, "The run ended before it reached the held recipient.");
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        await using (var db = Site.CreateDbContext())
        {
            var unsent = await db.Deliveries.Where(d => d.MilestoneId == milestoneId && d.State == DeliveryState.Pending).ToListAsync();
            Assert.Contains(unsent, d => d.RecipientEmail == held);
            Assert.All(unsent, d => Assert.Null(d.ClaimToken));
            Assert.All(unsent, d => Assert.Null(d.ClaimedBy));
        }

        fixture.Smtp.ReleaseHeld();
        await fixture.RunJobAsync();

        foreach (var email in others.Prepend(held))
        {
            Assert.Single(fixture.Smtp.AcceptedRecipients, r => r == email);
        }
    }

    [Fact]
    public async Task A_claim_is_renewed_while_its_batch_is_being_sent_and_no_longer_once_it_is_done()
    {
        var id = MilestoneTestData.Unique();
        var email = $"fornyet-{id}@norddjurs.test";
        await Site.CreateEventAsync($"Temadag fornyet {id}", MilestoneTestData.DanishToday.AddDays(1), [(await Site.CreatePersonAsync("Fornyet", email), StakeholderRole.Participant)]);
        using (var scope = Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().PlanAsync(CancellationToken.None);
        }

        var token = Guid.NewGuid();
        var firstLeaseEnd = DateTime.UtcNow.AddSeconds(20);
        await using (var db = Site.CreateDbContext())
        {
            var delivery = await db.Deliveries.SingleAsync(d => d.RecipientEmail == email);
            (delivery.ClaimToken, delivery.ClaimedUntilUtc, delivery.ClaimedBy) = (token, firstLeaseEnd, ClaimHolders.Current);
            await db.SaveChangesAsync();
        }

        var logger = Site.Services.GetRequiredService<ILogger<ClaimTests>>();
        var renewal = ClaimRenewal.Start(Site.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, token, DeliverySender.ClaimLease, TimeSpan.FromMilliseconds(100), logger);
        DateTime? renewedUntil;
        do
        {
            await Task.Delay(50);
            await using var db = Site.CreateDbContext();
            renewedUntil = await db.Deliveries.Where(d => d.RecipientEmail == email).Select(d => d.ClaimedUntilUtc).SingleAsync();
        }
        while (renewedUntil <= firstLeaseEnd);

        Assert.True(renewedUntil > DateTime.UtcNow.AddMinutes(1), $"Renewed only until {renewedUntil:O}.");

        // Sent: the row leaves the claim, and a renewal still running must not put one back.
        await using (var db = Site.CreateDbContext())
        {
            await db.Deliveries.Where(d => d.RecipientEmail == email).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Sent).SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null));
        }

        await Task.Delay(300);
        await renewal.DisposeAsync();
        await using (var db = Site.CreateDbContext())
        {
            Assert.Null(await db.Deliveries.Where(d => d.RecipientEmail == email).Select(d => d.ClaimedUntilUtc).SingleAsync());
        }
    }

    [Fact]
    public async Task A_holder_on_another_host_is_gone_once_the_shared_job_store_no_longer_lists_its_server_or_its_heartbeat_stopped()
    {
        // Hangfire's own naming and server list, from a real store and server named as the site names its own.
        using var storage = new Hangfire.InMemory.InMemoryStorage();
        var server = new Hangfire.BackgroundJobServer(new Hangfire.BackgroundJobServerOptions { ServerName = "web-2:4242", WorkerCount = 1 }, storage);
        IReadOnlyList<(string, DateTime?)> listed;
        do
        {
            await Task.Delay(50);
            listed = storage.GetMonitoringApi().Servers().Select(s => (s.Name, s.Heartbeat)).ToList();
        }
        while (listed.Count == 0);

        var now = DateTime.UtcNow;
        Assert.False(ClaimHolders.IsGoneFromServerList("web-2:4242", listed, now));
        Assert.False(ClaimHolders.IsGoneFromServerList("WEB-2:4242", listed, now));
        Assert.True(ClaimHolders.IsGoneFromServerList("web-2:424", listed, now));
        Assert.True(ClaimHolders.IsGoneFromServerList("web-2:4242", listed, now + ClaimHolders.HeartbeatGrace + TimeSpan.FromSeconds(40)));

        server.Dispose();
        listed = storage.GetMonitoringApi().Servers().Select(s => (s.Name, s.Heartbeat)).ToList();
        Assert.True(ClaimHolders.IsGoneFromServerList("web-2:4242", listed, DateTime.UtcNow));
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
