using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>
/// Calendars that stay true when a plan changes: every change made through the site's pages
/// reaches those who hold the invitation, through a real SMTP server on loopback.
/// </summary>
public sealed class InvitationChangeTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task Deleting_an_invited_event_sends_every_invitee_a_cancellation_with_a_higher_sequence()
    {
        var id = MilestoneTestData.Unique();
        var unitId = await Site.CreateUnitAsync($"Sundhedsplejen {id}");
        var member = $"medlem-{id}@norddjurs.test";
        await Site.CreatePersonAsync("Medlem Ærbø", member, unitId);
        var user = $"bruger-{id}@norddjurs.test";
        await Site.CreateUserAsync(user, "Bruger Øster", Roles.Staff, unitId);
        var person = $"person-{id}@norddjurs.test";
        var personId = await Site.CreatePersonAsync("Person Åby", person);
        var milestoneId = await Site.CreateEventAsync($"Temadag slettes {id}", MilestoneTestData.DanishToday.AddDays(3),
            [(unitId, StakeholderRole.Participant), (personId, StakeholderRole.Speaker)], new TimeOnly(9, 0));
        await fixture.RunJobAsync();

        // No status history: the page deletes the row outright.
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var deleted = await admin.SubmitAsync($"/Milestones/Edit/{milestoneId}", new Dictionary<string, string>(), "main form[action*='handler=Delete']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var db = Site.CreateDbContext())
        {
            Assert.False(await db.Milestones.IgnoreQueryFilters().AnyAsync(m => m.Id == milestoneId));
        }

        await fixture.RunJobAsync();
        await fixture.RunJobAsync();

        foreach (var email in new[] { member, user, person })
        {
            var messages = fixture.Smtp.Messages().To(email);
            Assert.Equal(2, messages.Count);
            var (_, invited, _) = messages[0].Invitation();
            var (calendar, cancelled, method) = messages[1].Invitation();
            Assert.Equal("CANCEL", method);
            Assert.Equal("CANCEL", calendar.Method);
            Assert.Equal("CANCELLED", cancelled.Status);
            Assert.Equal(invited.Uid, cancelled.Uid);
            Assert.True(cancelled.Sequence > invited.Sequence, $"CANCEL has SEQUENCE {cancelled.Sequence}, the REQUEST had {invited.Sequence}");
            Assert.Equal(invited.Organizer!.Value, cancelled.Organizer!.Value);
            Assert.Equal($"Aflyst: Temadag slettes {id}", messages[1].Subject);
            Assert.Contains(messages[1].Attachments, a => a.ContentDisposition?.FileName == "aflysning.ics");
        }
    }

    [Fact]
    public async Task Removing_a_participant_sends_that_person_alone_a_cancellation()
    {
        var id = MilestoneTestData.Unique();
        var stays = $"bliver-{id}@norddjurs.test";
        var leaves = $"fjernes-{id}@norddjurs.test";
        var staysId = await Site.CreatePersonAsync("Bliver", stays);
        var leavesId = await Site.CreatePersonAsync("Fjernes", leaves);
        var milestoneId = await Site.CreateEventAsync($"Temamøde {id}", MilestoneTestData.DanishToday.AddDays(3),
            [(staysId, StakeholderRole.Participant), (leavesId, StakeholderRole.Participant)], new TimeOnly(13, 0), kind: MilestoneKind.ThemeMeeting);
        await fixture.RunJobAsync();

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var saved = await admin.SubmitAsync($"/Milestones/Edit/{milestoneId}", new Dictionary<string, string> { [$"Input.StakeholderRoles[{leavesId}]"] = string.Empty });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await fixture.RunJobAsync();
        await fixture.RunJobAsync();

        var toLeaver = fixture.Smtp.Messages().To(leaves);
        Assert.Equal(2, toLeaver.Count);
        var cancellation = toLeaver[1];
        Assert.Equal($"Ikke længere inviteret: Temamøde {id}", cancellation.Subject);
        Assert.Equal([leaves], cancellation.To.Mailboxes.Select(m => m.Address));
        var (_, cancelled, method) = cancellation.Invitation();
        Assert.Equal("CANCEL", method);
        Assert.True(cancelled.Sequence > toLeaver[0].Invitation().Event.Sequence);
        Assert.Contains(cancelled.Attendees, a => a.Value!.ToString().Equals($"mailto:{leaves}", StringComparison.OrdinalIgnoreCase));

        // The one still invited is told nothing: the event itself did not change.
        Assert.Single(fixture.Smtp.Messages().To(stays));
    }

    [Fact]
    public async Task Moving_a_person_out_of_an_invited_unit_sends_them_a_cancellation()
    {
        var id = MilestoneTestData.Unique();
        var unitId = await Site.CreateUnitAsync($"Tandplejen {id}");
        var moved = $"flyttet-{id}@norddjurs.test";
        var movedId = await Site.CreatePersonAsync("Flyttet", moved, unitId);
        await Site.CreateEventAsync($"Temadag enhed {id}", MilestoneTestData.DanishToday.AddDays(3), [(unitId, StakeholderRole.Participant)]);
        await fixture.RunJobAsync();

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var saved = await admin.SubmitAsync($"/Stakeholders/Edit/{movedId}", new Dictionary<string, string> { ["Input.UnitId"] = string.Empty });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await fixture.RunJobAsync();

        var messages = fixture.Smtp.Messages().To(moved);
        Assert.Equal(2, messages.Count);
        Assert.Equal("CANCEL", messages[1].Invitation().Method);
    }

    [Fact]
    public async Task Moving_an_event_the_day_before_its_old_date_sends_one_update_and_then_the_day_before_reminder_for_the_new_date()
    {
        var id = MilestoneTestData.Unique();
        var email = $"flyt-{id}@norddjurs.test";
        var oldDate = MilestoneTestData.DanishToday.AddDays(3);
        var newDate = oldDate.AddDays(1);
        var milestoneId = await Site.CreateEventAsync($"Temadag flyttes {id}", oldDate, [(await Site.CreatePersonAsync("Flyttes", email), StakeholderRole.Participant)], new TimeOnly(13, 0));
        await fixture.RunJobAsync();

        try
        {
            // The day before the old date: "i morgen" goes out, then the event moves a day on.
            Site.Clock.Offset = TimeSpan.FromDays(2);
            await fixture.RunJobAsync();
            Assert.Equal(2, fixture.Smtp.Messages().To(email).Count);

            var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
            var saved = await admin.SubmitAsync($"/Milestones/Edit/{milestoneId}", new Dictionary<string, string> { ["Input.Timing.Date"] = newDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            await fixture.RunJobAsync();
            await fixture.RunJobAsync();

            // One message for the move, though the new date's three-day reminder fell due with it.
            var messages = fixture.Smtp.Messages().To(email);
            Assert.Equal(3, messages.Count);
            var update = messages[2];
            Assert.Equal($"Ændret: Temadag flyttes {id} – {Day(newDate)} kl. 13.00", update.Subject);
            var (_, changed, method) = update.Invitation();
            Assert.Equal("REQUEST", method);
            Assert.Equal(newDate.ToDateTime(new TimeOnly(13, 0)), changed.DtStart!.Value);

            // The day before the new date: its own "i morgen", though that offset was used for the old date.
            Site.Clock.Offset = TimeSpan.FromDays(3);
            await fixture.RunJobAsync();
            await fixture.RunJobAsync();
        }
        finally
        {
            Site.Clock.Offset = TimeSpan.Zero;
        }

        var all = fixture.Smtp.Messages().To(email);
        Assert.Equal(4, all.Count);
        Assert.Equal($"Påmindelse: Temadag flyttes {id} i morgen – {Day(newDate)}", all[3].Subject);
        await using var db = Site.CreateDbContext();
        var reminder = await db.Deliveries.SingleAsync(d => d.MilestoneId == milestoneId && d.Kind == DeliveryKind.EventReminder && d.EventDate == newDate);
        Assert.Equal(1, reminder.DaysBefore);
    }

    [Fact]
    public async Task A_reminder_queued_for_the_old_date_is_not_sent_after_the_event_moved()
    {
        var id = MilestoneTestData.Unique();
        var email = $"koe-{id}@norddjurs.test";
        var milestoneId = await Site.CreateEventAsync($"Temadag i kø {id}", MilestoneTestData.DanishToday.AddDays(1), [(await Site.CreatePersonAsync("Kø", email), StakeholderRole.Participant)]);
        using (var scope = Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().PlanAsync(CancellationToken.None);
        }

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var newDate = MilestoneTestData.DanishToday.AddDays(20);
        await admin.SubmitAsync($"/Milestones/Edit/{milestoneId}", new Dictionary<string, string> { ["Input.Timing.Date"] = newDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await fixture.RunJobAsync();

        Assert.Empty(fixture.Smtp.Messages().To(email));
        await using var db = Site.CreateDbContext();
        var queued = await db.Deliveries.SingleAsync(d => d.MilestoneId == milestoneId);
        Assert.Equal(DeliveryState.Skipped, queued.State);
        Assert.Contains("flyttet", queued.LastError);
    }

    [Fact]
    public async Task Reopening_a_cancelled_event_sends_a_new_request_with_a_higher_sequence_than_the_cancellation()
    {
        var id = MilestoneTestData.Unique();
        var email = $"genopliv-{id}@norddjurs.test";
        var milestoneId = await Site.CreateEventAsync($"Temadag genoptages {id}", MilestoneTestData.DanishToday.AddDays(3), [(await Site.CreatePersonAsync("Genoptag", email), StakeholderRole.Participant)], new TimeOnly(10, 0));
        await fixture.RunJobAsync();

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var cancelled = await admin.SubmitAsync($"/Milestones/UpdateStatus/{milestoneId}", new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.Cancelled),
            ["Input.Comment"] = "Lokalet er ikke ledigt.",
            ["Input.Reason"] = "Leverandøren har meldt forsinkelse.",
            ["Input.ConsequenceForPlan"] = "Fokusområde 2 starter senere.",
            ["Input.ConsequenceForFamilies"] = "Familierne venter længere på tilbuddet.",
            ["Input.NextStep"] = "Ny leverandør indhentes.",
            ["Input.NextStepDate"] = "2027-02-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await fixture.RunJobAsync();

        var reopened = await admin.SubmitAsync($"/Milestones/UpdateStatus/{milestoneId}", new Dictionary<string, string> { ["Input.Status"] = nameof(MilestoneStatus.Planned) });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        await fixture.RunJobAsync();
        await fixture.RunJobAsync();

        var messages = fixture.Smtp.Messages().To(email);
        Assert.Equal(3, messages.Count);
        var request = messages[0].Invitation();
        var cancel = messages[1].Invitation();
        var again = messages[2].Invitation();
        Assert.Equal("CANCEL", cancel.Method);
        Assert.True(cancel.Event.Sequence > request.Event.Sequence);
        Assert.Equal("REQUEST", again.Method);
        Assert.Equal("CONFIRMED", again.Event.Status);
        Assert.Equal(request.Event.Uid, again.Event.Uid);
        Assert.True(again.Event.Sequence > cancel.Event.Sequence, $"REQUEST {again.Event.Sequence} after CANCEL {cancel.Event.Sequence}");
        Assert.StartsWith($"Inviteret igen: Temadag genoptages {id}", messages[2].Subject);
    }

    [Fact]
    public async Task An_opted_out_address_still_gets_the_cancellation_of_an_invitation_it_holds_unless_it_opted_out_of_that_too()
    {
        var id = MilestoneTestData.Unique();
        var remindersOnly = $"kunpaamind-{id}@norddjurs.test";
        var everything = $"alt-{id}@norddjurs.test";
        var milestoneId = await Site.CreateEventAsync($"Temadag afmeldt {id}", MilestoneTestData.DanishToday.AddDays(3),
            [(await Site.CreatePersonAsync("Kun påmindelser", remindersOnly), StakeholderRole.Participant), (await Site.CreatePersonAsync("Alt", everything), StakeholderRole.Participant)]);
        await fixture.RunJobAsync();

        var anonymous = Site.CreateBrowserlessClient();
        var link = new Uri(fixture.Smtp.Messages().To(remindersOnly).Single().Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;
        var page = await anonymous.GetDocumentAsync(link);
        Assert.Contains("følger stadig med", page.Body!.TextContent);
        // The page's all-reminders form (its first form opts out of the link's list only).
        var response = await anonymous.SubmitFormAsync(page, link, new Dictionary<string, string>(), "main form[action$='handler=OptOut']");
        Assert.Contains($"{remindersOnly} får ikke påmindelser, men får stadig besked", (await response.ParseAsync()).Body!.TextContent);

        link = new Uri(fixture.Smtp.Messages().To(everything).Single().Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;
        response = await anonymous.SubmitAsync(link, new Dictionary<string, string> { ["AlsoInvitationChanges"] = "true" }, "main form[action$='handler=OptOut']");
        Assert.Contains($"{everything} får ikke påmindelser og heller ikke besked", (await response.ParseAsync()).Body!.TextContent);

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        await admin.SubmitAsync($"/Milestones/Edit/{milestoneId}", new Dictionary<string, string>(), "main form[action*='handler=Delete']");
        await fixture.RunJobAsync();

        var toRemindersOnly = fixture.Smtp.Messages().To(remindersOnly);
        Assert.Equal(2, toRemindersOnly.Count);
        Assert.Equal("CANCEL", toRemindersOnly[1].Invitation().Method);
        Assert.Single(fixture.Smtp.Messages().To(everything));
    }

    [Fact]
    public async Task A_later_reminder_carries_no_new_invitation_so_an_answer_given_stands()
    {
        var id = MilestoneTestData.Unique();
        var email = $"senere-{id}@norddjurs.test";
        await Site.CreateEventAsync($"Temadag to påmindelser {id}", MilestoneTestData.DanishToday.AddDays(3), [(await Site.CreatePersonAsync("Senere", email), StakeholderRole.Participant)]);
        await fixture.RunJobAsync();
        try
        {
            Site.Clock.Offset = TimeSpan.FromDays(2);
            await fixture.RunJobAsync();
        }
        finally
        {
            Site.Clock.Offset = TimeSpan.Zero;
        }

        var messages = fixture.Smtp.Messages().To(email);
        Assert.Equal(2, messages.Count);
        Assert.Equal("REQUEST", messages[0].Invitation().Method);
        Assert.Contains(" i morgen ", messages[1].Subject);
        Assert.DoesNotContain(messages[1].BodyParts, p => p.ContentType.MimeType is "text/calendar" or "application/ics");
    }

    [Fact]
    public async Task The_invitation_names_the_owner_as_organiser_sent_by_the_site_and_the_cancellation_the_same()
    {
        var id = MilestoneTestData.Unique();
        var owner = $"ejer-{id}@norddjurs.test";
        var ownerId = await Site.CreateUserAsync(owner, "Ejer Ølund", Roles.DepartmentHead, null);
        var email = $"arrangoer-{id}@norddjurs.test";
        var milestoneId = await Site.CreateEventAsync($"Temadag ejer {id}", MilestoneTestData.DanishToday.AddDays(3), [(await Site.CreatePersonAsync("Deltager", email), StakeholderRole.Participant)], ownerId: ownerId);
        await fixture.RunJobAsync();
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        await admin.SubmitAsync($"/Milestones/Edit/{milestoneId}", new Dictionary<string, string>(), "main form[action*='handler=Delete']");
        await fixture.RunJobAsync();

        var messages = fixture.Smtp.Messages().To(email);
        Assert.Equal(2, messages.Count);
        foreach (var message in messages)
        {
            var organizer = message.Invitation().Event.Organizer!;
            Assert.Equal($"mailto:{owner}", organizer.Value!.ToString());
            Assert.Equal("Ejer Ølund", organizer.CommonName);
            Assert.Equal("mailto:no-reply@forebyg.local", organizer.SentBy!.ToString());
        }
    }

    [Fact]
    public async Task An_internationalised_address_has_the_same_ascii_form_in_to_and_in_attendee()
    {
        var id = MilestoneTestData.Unique();
        var email = $"idn-{id}@ærø-kommune.test";
        await Site.CreateEventAsync($"Temadag IDN {id}", MilestoneTestData.DanishToday.AddDays(3), [(await Site.CreatePersonAsync("Ærø", email), StakeholderRole.Participant)]);
        await fixture.RunJobAsync();

        var ascii = $"idn-{id}@xn--r-kommune-f3a3r.test";
        var raw = Directory.GetFiles(fixture.Smtp.Folder, "*.eml").Select(File.ReadAllText).Single(text => text.Contains($"idn-{id}@", StringComparison.Ordinal));
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Contains(ascii, message.Headers[HeaderId.To], StringComparison.OrdinalIgnoreCase);
        var attendee = Assert.Single(message.Invitation().Event.Attendees);
        Assert.Equal($"mailto:{ascii}", attendee.Value!.ToString(), ignoreCase: true);
    }

    private static string Day(DateOnly date) => date.ToString("dddd 'den' d. MMMM yyyy", Danish);
}
