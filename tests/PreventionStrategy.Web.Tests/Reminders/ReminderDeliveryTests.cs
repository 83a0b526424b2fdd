using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>Reminders before events, sent through a real SMTP server on loopback and read back as received.</summary>
public sealed class ReminderDeliveryTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task Reminder_reaches_unit_members_and_invited_persons_in_danish_with_an_invitation()
    {
        var id = MilestoneTestData.Unique();
        var unitId = await Site.CreateUnitAsync($"Familierådgivningen {id}");
        var member = $"raadgiver-{id}@norddjurs.test";
        await Site.CreatePersonAsync("Rådgiver Åse Ørum", member, unitId);
        var staffUser = $"medarbejder-{id}@norddjurs.test";
        await Site.CreateUserAsync(staffUser, "Medarbejder Bjørn", Web.Features.Identity.Roles.Staff, unitId);
        var speaker = $"oplaeg-{id}@norddjurs.test";
        var speakerId = await Site.CreatePersonAsync("Oplægsholder Ærø", speaker);
        var informed = $"orienteret-{id}@norddjurs.test";
        var informedId = await Site.CreatePersonAsync("Kun orienteret", informed);
        var date = MilestoneTestData.DanishToday.AddDays(2);
        var title = $"Temadag om tidlig opsporing {id}";
        var milestoneId = await Site.CreateEventAsync(
            title, date, [(unitId, StakeholderRole.Participant), (speakerId, StakeholderRole.Speaker), (informedId, StakeholderRole.Informed)],
            new TimeOnly(9, 0), new TimeOnly(15, 30));

        await fixture.RunJobAsync();

        var messages = fixture.Smtp.Messages();
        Assert.Single(messages.To(member));
        Assert.Single(messages.To(staffUser));
        Assert.Single(messages.To(speaker));
        Assert.Empty(messages.To(informed));

        var message = messages.To(member).Single();
        var danishDate = date.ToString("dddd 'den' d. MMMM yyyy", Danish);
        Assert.Equal($"Påmindelse: {title} om 2 dage – {danishDate}", message.Subject);
        Assert.Contains("Kære Rådgiver Åse Ørum", message.TextBody);
        Assert.Contains($"{danishDate} kl. 09.00–15.30", message.TextBody);
        Assert.Contains("Auning Kulturcenter", message.TextBody);
        Assert.Contains("tidlig opsporing for skole", message.TextBody);
        Assert.Contains($"http://localhost/Milestones/Details/{milestoneId}", message.TextBody);
        Assert.Contains("Kære Rådgiver Åse Ørum", message.HtmlBody);
        Assert.Contains("lang=\"da\"", message.HtmlBody);
        Assert.StartsWith("<http://localhost/Reminders/Unsubscribe?token=", message.Headers["List-Unsubscribe"]);

        var (calendar, invitation, method) = message.Invitation();
        Assert.Equal("REQUEST", method);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(title, invitation.Summary);
        Assert.Equal("Auning Kulturcenter", invitation.Location);
        Assert.Equal($"milestone-{milestoneId}@localhost", invitation.Uid);
        Assert.Equal(0, invitation.Sequence);
        Assert.Equal("Europe/Copenhagen", invitation.DtStart!.TzId);
        Assert.Equal(date.ToDateTime(new TimeOnly(9, 0)), invitation.DtStart.Value);
        Assert.Equal(date.ToDateTime(new TimeOnly(15, 30)), invitation.DtEnd!.Value);
        Assert.Contains(invitation.Attendees, a => a.Value!.ToString().Equals($"mailto:{member}", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(message.Attachments, a => a.ContentDisposition?.FileName == "invitation.ics");

        await using var db = Site.CreateDbContext();
        var delivery = await db.Deliveries.SingleAsync(d => d.RecipientEmail == member);
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(DeliveryKind.EventReminder, delivery.Kind);
        Assert.Equal(3, delivery.DaysBefore);
    }

    [Fact]
    public async Task Reminder_is_sent_once_even_when_the_job_runs_twice()
    {
        var (email, _) = await InvitedPersonToEventAsync(days: 1);

        await fixture.RunJobAsync();
        var second = await fixture.RunJobAsync();

        Assert.Single(fixture.Smtp.AcceptedRecipients, r => r == email);
        Assert.Equal(0, second.Sending.Sent + second.Sending.Failed + second.Sending.Retrying);
    }

    [Fact]
    public async Task Reminder_is_sent_once_when_two_runs_race()
    {
        var emails = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            emails.Add((await InvitedPersonToEventAsync(days: 1)).Email);
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(fixture.RunJobAsync)));

        foreach (var email in emails)
        {
            Assert.Single(fixture.Smtp.AcceptedRecipients, r => r == email);
        }

        Assert.True(runs.Sum(r => r.Sending.Sent) >= emails.Count);
    }

    [Fact]
    public async Task A_server_that_answers_451_gets_the_message_once_after_a_retry()
    {
        var (email, _) = await InvitedPersonToEventAsync(days: 1, localPart: "tempfail");

        var first = await fixture.RunJobAsync();
        await using (var db = Site.CreateDbContext())
        {
            var delivery = await db.Deliveries.SingleAsync(d => d.RecipientEmail == email);
            Assert.Equal(DeliveryState.Pending, delivery.State);
            Assert.Equal(1, delivery.Attempts);
            Assert.StartsWith("451", delivery.LastError);
            Assert.True(delivery.NextAttemptAtUtc > DateTime.UtcNow.AddMilliseconds(-200));
        }

        Assert.True(first.Sending.Retrying >= 1);
        Assert.DoesNotContain(email, fixture.Smtp.AcceptedRecipients);

        // The retry waits (one second in these tests); a run before then does not touch it.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var retry = await fixture.RunJobAsync();

        await using var after = Site.CreateDbContext();
        var sent = await after.Deliveries.SingleAsync(d => d.RecipientEmail == email);
        Assert.True(DeliveryState.Sent == sent.State, $"{sent.State} after {sent.Attempts} attempt(s): {sent.LastError}; next {sent.NextAttemptAtUtc:o}, now {DateTime.UtcNow:o}; {retry}");
        Assert.Equal(2, sent.Attempts);
        Assert.Single(fixture.Smtp.AcceptedRecipients, r => r == email);
    }

    [Fact]
    public async Task A_server_that_answers_550_marks_the_delivery_failed_and_never_retries_while_the_batch_goes_on()
    {
        var (rejected, milestoneId) = await InvitedPersonToEventAsync(days: 1, localPart: "reject");
        var accepted = $"accepted-{MilestoneTestData.Unique()}@norddjurs.test";
        await using (var db = Site.CreateDbContext())
        {
            var personId = await Site.CreatePersonAsync("Modtages", accepted);
            db.MilestoneStakeholders.Add(new MilestoneStakeholder { MilestoneId = milestoneId, StakeholderId = personId, Role = StakeholderRole.Participant });
            await db.SaveChangesAsync();
        }

        var connectionsBefore = fixture.Smtp.Connections;
        var report = await fixture.RunJobAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await fixture.RunJobAsync();

        await using var check = Site.CreateDbContext();
        var failed = await check.Deliveries.SingleAsync(d => d.RecipientEmail == rejected);
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("550", failed.LastError);
        Assert.Single(fixture.Smtp.Events(), e => e == $"reject 550 {rejected}");
        Assert.Single(fixture.Smtp.AcceptedRecipients, r => r == accepted);

        // The refusal did not cost the connection: the whole first run used one.
        Assert.Equal(1, report.Sending.ConnectionsOpened);
        Assert.True(fixture.Smtp.Connections - connectionsBefore <= 2);
    }

    [Fact]
    public async Task A_dropped_connection_is_replaced_for_the_rest_of_the_batch_and_the_message_is_retried()
    {
        var (dropped, milestoneId) = await InvitedPersonToEventAsync(days: 1, localPart: "drop");
        var after = $"efter-{MilestoneTestData.Unique()}@norddjurs.test";
        await using (var db = Site.CreateDbContext())
        {
            db.MilestoneStakeholders.Add(new MilestoneStakeholder { MilestoneId = milestoneId, StakeholderId = await Site.CreatePersonAsync("Efter", after), Role = StakeholderRole.Participant });
            await db.SaveChangesAsync();
        }

        var first = await fixture.RunJobAsync();

        // The cut came mid-batch: the next message went over a new connection.
        Assert.Equal(2, first.Sending.ConnectionsOpened);
        Assert.Single(fixture.Smtp.AcceptedRecipients, r => r == after);
        await using (var db = Site.CreateDbContext())
        {
            var pending = await db.Deliveries.SingleAsync(d => d.RecipientEmail == dropped);
            Assert.Equal(DeliveryState.Pending, pending.State);
            Assert.Equal(1, pending.Attempts);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await fixture.RunJobAsync();

        Assert.Single(fixture.Smtp.AcceptedRecipients, r => r == dropped);
    }

    [Fact]
    public async Task A_restart_between_planning_and_sending_loses_nothing_and_sends_once()
    {
        var folder = Directory.CreateTempSubdirectory("preventionstrategy-restart-").FullName;
        await using var first = fixture.Create(new SiteFactory(folder));
        _ = first.Server;
        var email = $"restart-{MilestoneTestData.Unique()}@norddjurs.test";
        var personId = await first.CreatePersonAsync("Genstart", email);
        await first.CreateEventAsync($"Temamøde {MilestoneTestData.Unique()}", MilestoneTestData.DanishToday.AddDays(3), [(personId, StakeholderRole.Participant)], kind: MilestoneKind.ThemeMeeting);

        using (var scope = first.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ReminderJob>().PlanAsync(CancellationToken.None));
        }

        // The site stops with the reminder recorded but not sent; its in-memory job store is gone.
        await first.DisposeAsync();
        Assert.DoesNotContain(email, fixture.Smtp.AcceptedRecipients);

        await using var restarted = fixture.Create(new SiteFactory(folder));
        await ReminderSite.RunJobAsync(restarted);
        await ReminderSite.RunJobAsync(restarted);

        Assert.Single(fixture.Smtp.AcceptedRecipients, r => r == email);
        await restarted.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Moving_an_event_sends_an_update_with_the_same_uid_and_a_higher_sequence()
    {
        var (email, milestoneId) = await InvitedPersonToEventAsync(days: 3);
        await fixture.RunJobAsync();
        var original = fixture.Smtp.Messages().To(email).Single().Invitation().Event;

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var page = await admin.GetDocumentAsync($"/Milestones/Edit/{milestoneId}");
        var response = await admin.SubmitFormAsync(page, $"/Milestones/Edit/{milestoneId}", new Dictionary<string, string>
        {
            ["Input.Timing.StartTime"] = "10:00",
            ["Input.Timing.EndTime"] = "12:00",
            ["Input.Location"] = "Grenaa Rådhus, mødesal 2",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        await fixture.RunJobAsync();
        await fixture.RunJobAsync();

        var messages = fixture.Smtp.Messages().To(email);
        Assert.Equal(2, messages.Count);
        var update = messages[1];
        Assert.StartsWith("Ændret: ", update.Subject);
        Assert.Contains("Grenaa Rådhus, mødesal 2", update.TextBody);
        var (_, changed, method) = update.Invitation();
        Assert.Equal("REQUEST", method);
        Assert.Equal(original.Uid, changed.Uid);
        Assert.True(changed.Sequence > original.Sequence);
        Assert.Equal(10, changed.DtStart!.Hour);
        Assert.Equal("Grenaa Rådhus, mødesal 2", changed.Location);
    }

    [Fact]
    public async Task Cancelling_an_event_sends_a_cancellation_to_those_invited()
    {
        var (email, milestoneId) = await InvitedPersonToEventAsync(days: 3);
        var notYetReminded = $"later-{MilestoneTestData.Unique()}@norddjurs.test";
        await fixture.RunJobAsync();
        await using (var db = Site.CreateDbContext())
        {
            db.MilestoneStakeholders.Add(new MilestoneStakeholder { MilestoneId = milestoneId, StakeholderId = await Site.CreatePersonAsync("Senere", notYetReminded), Role = StakeholderRole.Participant });
            var milestone = await db.Milestones.SingleAsync(m => m.Id == milestoneId);
            milestone.Status = MilestoneStatus.Cancelled;
            await db.SaveChangesAsync();
        }

        await fixture.RunJobAsync();
        await fixture.RunJobAsync();

        var messages = fixture.Smtp.Messages().To(email);
        Assert.Equal(2, messages.Count);
        Assert.StartsWith("Aflyst: ", messages[1].Subject);
        var (calendar, cancelled, method) = messages[1].Invitation();
        Assert.Equal("CANCEL", method);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal($"milestone-{milestoneId}@localhost", cancelled.Uid);

        // Someone never invited is not told of a cancellation.
        Assert.Empty(fixture.Smtp.Messages().To(notYetReminded));
    }

    [Fact]
    public async Task A_milestone_of_a_kind_without_reminders_sends_none_unless_switched_on()
    {
        var (email, milestoneId) = await InvitedPersonToEventAsync(days: 1, kind: MilestoneKind.Deliverable);
        await fixture.RunJobAsync();
        Assert.Empty(fixture.Smtp.Messages().To(email));

        await using (var db = Site.CreateDbContext())
        {
            var milestone = await db.Milestones.SingleAsync(m => m.Id == milestoneId);
            milestone.RemindersEnabled = true;
            await db.SaveChangesAsync();
        }

        await fixture.RunJobAsync();
        Assert.Single(fixture.Smtp.Messages().To(email));
    }

    private async Task<(string Email, int MilestoneId)> InvitedPersonToEventAsync(int days, string localPart = "deltager", MilestoneKind kind = MilestoneKind.ThemeDay)
    {
        var id = MilestoneTestData.Unique();
        var email = $"{localPart}-{id}@norddjurs.test";
        var personId = await Site.CreatePersonAsync($"Deltager {id}", email);
        var milestoneId = await Site.CreateEventAsync($"Temadag {id}", MilestoneTestData.DanishToday.AddDays(days), [(personId, StakeholderRole.Participant)], new TimeOnly(13, 0), kind: kind);
        return (email, milestoneId);
    }
}
