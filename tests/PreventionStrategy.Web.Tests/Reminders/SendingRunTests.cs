using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>
/// A sending run sends what was due when it began. Its own server is slow and a claim holds one message, so a run
/// outlasts the one-second retry delay after its first failure.
/// </summary>
public sealed class SendingRunTests : IAsyncLifetime
{
    private LoopbackSmtpServer smtp = null!;
    private SiteFactory site = null!;

    public async Task InitializeAsync()
    {
        smtp = await LoopbackSmtpServer.StartAsync(replyDelay: TimeSpan.FromSeconds(0.5));
        site = ReminderSite.Configure(new SiteFactory(), smtp);
        site.Settings["Reminders:BatchSize"] = "1";
        _ = site.Server;
    }

    [Fact]
    public async Task A_message_that_fails_in_a_run_is_retried_by_a_later_run_not_by_the_same_one()
    {
        var id = MilestoneTestData.Unique();
        var failing = $"tempfail-{id}@norddjurs.test";
        await site.CreateEventAsync($"Temadag {id} A", MilestoneTestData.DanishToday.AddDays(1),
            [(await site.CreatePersonAsync("Først", failing), StakeholderRole.Participant)], new TimeOnly(13, 0));
        var others = new List<(int, StakeholderRole)>();
        for (var i = 0; i < 3; i++)
        {
            others.Add((await site.CreatePersonAsync($"Deltager {i}", $"deltager{i}-{id}@norddjurs.test"), StakeholderRole.Participant));
        }

        await site.CreateEventAsync($"Temadag {id} B", MilestoneTestData.DanishToday.AddDays(1), others, new TimeOnly(13, 0));

        var run = await ReminderSite.RunJobAsync(site);

        // The failure came first and the run went on for longer than the retry delay, but it did not try again.
        Assert.Single(smtp.Events(), e => e == $"reject 451 {failing}");
        Assert.DoesNotContain(failing, smtp.AcceptedRecipients);
        Assert.Equal(1, run.Sending.Retrying);
        await using (var db = site.CreateDbContext())
        {
            var delivery = await db.Deliveries.SingleAsync(d => d.RecipientEmail == failing);
            Assert.Equal(DeliveryState.Pending, delivery.State);
            Assert.Equal(1, delivery.Attempts);
        }

        var next = await ReminderSite.RunJobAsync(site);

        Assert.Equal(1, next.Sending.Sent);
        Assert.Single(smtp.AcceptedRecipients, r => r == failing);
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }
}
