using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>Owners asked to update their milestones before a committee's briefing deadline, through a real SMTP server.</summary>
public sealed class UpdateRequestTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task Owners_are_asked_before_the_deadline_and_those_who_did_not_update_are_asked_once_more()
    {
        var id = MilestoneTestData.Unique();
        var slow = $"leder-a-{id}@norddjurs.test";
        var prompt = $"leder-b-{id}@norddjurs.test";
        var finished = $"leder-c-{id}@norddjurs.test";
        var slowId = await Site.CreateUserAsync(slow, "Anne Ågård", Roles.DepartmentHead, null);
        var promptId = await Site.CreateUserAsync(prompt, "Bent Ølgaard", Roles.DepartmentHead, null);
        var finishedId = await Site.CreateUserAsync(finished, "Carl Æbelø", Roles.DepartmentHead, null);
        var slowFirst = await Site.CreateMilestoneAsync($"Forældreprogram {id}", slowId);
        var slowSecond = await Site.CreateMilestoneAsync($"Netværksmøder {id}", slowId);
        var promptMilestone = await Site.CreateMilestoneAsync($"Familiehus {id}", promptId);
        await Site.CreateMilestoneAsync($"Afsluttet {id}", finishedId, status: MilestoneStatus.Done, progressPercent: 100);
        var deadline = MilestoneTestData.DanishToday.AddDays(7);
        var meetingId = await MeetingAsync(deadline);

        await fixture.RunJobAsync();

        var toSlow = fixture.Smtp.Messages().To(slow);
        var request = Assert.Single(toSlow);
        Assert.StartsWith("Opdatér dine milepæle før ", request.Subject);
        Assert.Contains($"http://localhost/Milestones/UpdateStatus/{slowFirst}", request.TextBody);
        Assert.Contains($"http://localhost/Milestones/UpdateStatus/{slowSecond}", request.TextBody);
        Assert.DoesNotContain($"/Milestones/UpdateStatus/{promptMilestone}", request.TextBody);
        Assert.Contains(deadline.ToString("d. MMMM yyyy", new System.Globalization.CultureInfo("da-DK")), request.TextBody);
        Assert.Single(fixture.Smtp.Messages().To(prompt));
        Assert.Empty(fixture.Smtp.Messages().To(finished));

        // One owner updates through the site; the other does nothing.
        var promptClient = await Site.SignedInClientAsync(prompt);
        var updated = await promptClient.SubmitAsync($"/Milestones/UpdateStatus/{promptMilestone}", new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.InProgress),
            ["Input.ProgressPercent"] = "40",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, updated.StatusCode);

        // Six days on: the day before the deadline.
        Site.Clock.Offset = TimeSpan.FromDays(6);
        try
        {
            await fixture.RunJobAsync();
            await fixture.RunJobAsync();
        }
        finally
        {
            Site.Clock.Offset = TimeSpan.Zero;
        }

        toSlow = fixture.Smtp.Messages().To(slow);
        Assert.Equal(2, toSlow.Count);
        Assert.StartsWith("Påmindelse: opdatér dine milepæle senest ", toSlow[1].Subject);
        Assert.Single(fixture.Smtp.Messages().To(prompt));

        await using var db = Site.CreateDbContext();
        var kinds = await db.Deliveries.Where(d => d.CommitteeMeetingId == meetingId && d.RecipientEmail == slow).Select(d => d.Kind).ToListAsync();
        Assert.Equal([DeliveryKind.UpdateRequest, DeliveryKind.UpdateRequestFollowUp], kinds.Order());
    }

    [Fact]
    public async Task No_request_is_sent_when_the_deadline_is_further_off_than_the_configured_days()
    {
        var id = MilestoneTestData.Unique();
        var owner = $"leder-d-{id}@norddjurs.test";
        await Site.CreateMilestoneAsync($"Senere {id}", await Site.CreateUserAsync(owner, "Dorthe", Roles.DepartmentHead, null));
        var meetingId = await MeetingAsync(MilestoneTestData.DanishToday.AddDays(20));

        await fixture.RunJobAsync();

        await using var db = Site.CreateDbContext();
        Assert.False(await db.Deliveries.AnyAsync(d => d.CommitteeMeetingId == meetingId));
    }

    /// <summary>A meeting of the committee the demo strategy reports to.</summary>
    private async Task<int> MeetingAsync(DateOnly deadline)
    {
        await using var db = Site.CreateDbContext();
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
        if (strategy.CommitteeId is null)
        {
            strategy.CommitteeId = await db.Committees.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }

        var meeting = new CommitteeMeeting { CommitteeId = strategy.CommitteeId.Value, MeetingDate = deadline.AddDays(7), BriefingDeadline = deadline };
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }
}
