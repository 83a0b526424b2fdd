using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>
/// RFC 8058 one-click unsubscribe, as a mailbox provider performs it: a POST to the List-Unsubscribe
/// link with the body "List-Unsubscribe=One-Click", from a server with no session and no antiforgery token.
/// </summary>
public sealed class OneClickUnsubscribeTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task Reminders_and_update_requests_carry_a_one_click_List_Unsubscribe_for_their_own_list()
    {
        var id = MilestoneTestData.Unique();
        var email = $"liste-{id}@norddjurs.test";
        var userId = await Site.CreateUserAsync(email, "Liste Larsen", Roles.DepartmentHead, null);
        await using (var db = Site.CreateDbContext())
        {
            var personId = await Site.CreatePersonAsync("Liste Larsen", email);
            await Site.CreateEventAsync($"Temadag {id}", MilestoneTestData.DanishToday.AddDays(1), [(personId, StakeholderRole.Participant)]);
        }

        await Site.CreateMilestoneAsync($"Ejet {id}", userId);
        await MeetingAsync(MilestoneTestData.DanishToday.AddDays(7));
        await fixture.RunJobAsync();

        var messages = fixture.Smtp.Messages().To(email);
        var reminder = messages.Single(m => m.Subject!.Contains($"Temadag {id}"));
        var request = messages.Single(m => m.Subject!.StartsWith("Opdatér dine milepæle", StringComparison.Ordinal));
        var links = new List<string>();
        foreach (var message in new[] { reminder, request })
        {
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            var header = message.Headers["List-Unsubscribe"]!;
            Assert.Matches("^<http://localhost/Reminders/Unsubscribe\\?token=[A-Za-z0-9_-]+>$", header);
            links.Add(header.Trim('<', '>'));
        }

        var reader = Site.Services.GetService(typeof(OptOutLinks)) as OptOutLinks;
        Assert.True(reader!.TryRead(Token(links[0]), out var first, out var firstList));
        Assert.True(reader.TryRead(Token(links[1]), out var second, out var secondList));
        Assert.Equal((email, MailList.EventReminders), (first, firstList!.Value));
        Assert.Equal((email, MailList.UpdateRequests), (second, secondList!.Value));
    }

    [Fact]
    public async Task The_one_click_post_without_a_session_opts_out_of_that_list_only_and_is_recorded()
    {
        var id = MilestoneTestData.Unique();
        var email = $"klik-{id}@norddjurs.test";
        var personId = await Site.CreatePersonAsync("Klik Kristensen", email);
        await Site.CreateEventAsync($"Temadag A {id}", MilestoneTestData.DanishToday.AddDays(1), [(personId, StakeholderRole.Participant)]);
        await fixture.RunJobAsync();
        var link = new Uri(fixture.Smtp.Messages().To(email).Single().Headers["List-Unsubscribe"]!.Trim('<', '>'));

        // A provider's server: no cookies, no antiforgery token, just the body RFC 8058 prescribes.
        using var provider = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = SiteFactory.BaseAddress });
        var response = await provider.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using (var db = Site.CreateDbContext())
        {
            var row = await db.MailPreferences.SingleAsync(p => p.Email == email);
            Assert.Equal((MailList.EventReminders, MailChoice.Never, MailPreferenceSource.OneClick), (row.List, row.Choice, row.Source));
            Assert.False(await db.ReminderOptOuts.AnyAsync(o => o.Email == email)); // not every kind of message
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(MailPreference) && a.EntityId == row.Id.ToString()));
            var recorded = await db.AuditEntries.SingleAsync(a => a.Action == Web.Features.Audit.AuditAction.Unsubscribed && a.EntityId == email);
            Assert.Equal("127.0.0.1", recorded.IpAddress);
            Assert.Contains("EventReminders", recorded.Changes);
        }

        // The next reminder is not sent.
        await Site.CreateEventAsync($"Temadag B {id}", MilestoneTestData.DanishToday.AddDays(1), [(personId, StakeholderRole.Participant)]);
        await fixture.RunJobAsync();
        Assert.Single(fixture.Smtp.Messages().To(email));
        await using (var db = Site.CreateDbContext())
        {
            var skipped = await db.Deliveries.SingleAsync(d => d.RecipientEmail == email && d.Kind == DeliveryKind.EventReminder && d.State == DeliveryState.Skipped);
            Assert.Equal("Modtageren har fravalgt den slags e-mails.", skipped.LastError);
        }

        // Posting again changes nothing and still answers.
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        await using (var db = Site.CreateDbContext())
        {
            Assert.Equal(1, await db.MailPreferences.CountAsync(p => p.Email == email));
        }
    }

    [Fact]
    public async Task Opening_the_link_opts_nobody_out_and_the_page_offers_the_button()
    {
        var id = MilestoneTestData.Unique();
        var email = $"aabn-{id}@norddjurs.test";
        var link = ((OptOutLinks)Site.Services.GetService(typeof(OptOutLinks))!).For(email, MailList.UpdateRequests);
        var client = Site.CreateBrowserlessClient();

        var page = await client.GetDocumentAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Afmeld anmodninger om statusopdatering og indberetning", page.QuerySelector("main form button")!.TextContent);
        await using (var db = Site.CreateDbContext())
        {
            Assert.False(await db.MailPreferences.AnyAsync(p => p.Email == email));
        }

        // The button (with the page's antiforgery token) opts out of that list.
        var response = await client.SubmitFormAsync(page, new Uri(link).PathAndQuery, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("får ikke længere anmodninger om statusopdatering", (await response.ParseAsync()).Body!.TextContent);
        await using (var db = Site.CreateDbContext())
        {
            Assert.Equal(MailPreferenceSource.Link, (await db.MailPreferences.SingleAsync(p => p.Email == email)).Source);
        }
    }

    [Fact]
    public async Task A_forged_or_altered_token_or_a_post_without_the_one_click_body_is_refused_and_changes_nothing()
    {
        var id = MilestoneTestData.Unique();
        var email = $"falsk-{id}@norddjurs.test";
        var links = (OptOutLinks)Site.Services.GetService(typeof(OptOutLinks))!;
        var token = links.Token(email, MailList.EventReminders);
        var altered = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];
        using var provider = Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = SiteFactory.BaseAddress });
        FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

        foreach (var bad in new[] { altered, "CfDJ8-forged-token-that-was-never-signed", string.Empty })
        {
            var response = await provider.PostAsync($"/Reminders/Unsubscribe?token={bad}", OneClick());
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Linket er ugyldigt", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync($"/Reminders/Unsubscribe?token={token}", new FormUrlEncodedContent([new("List-Unsubscribe", "Yes")]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync($"/Reminders/Unsubscribe?token={token}&handler=OptOutList", OneClick())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsync($"/Reminders/Unsubscribe?token={token}&handler=OptOut", OneClick())).StatusCode);

        // An older link names only the address: one click cannot tell which list, so it opts out of nothing.
        var old = links.Token(email);
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync($"/Reminders/Unsubscribe?token={old}")).StatusCode);
        await using var db = Site.CreateDbContext();
        Assert.False(await db.MailPreferences.AnyAsync(p => p.Email == email));
        Assert.False(await db.ReminderOptOuts.AnyAsync(o => o.Email == email));
    }

    private static string Token(string link) => System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!;

    private async Task MeetingAsync(DateOnly deadline)
    {
        await using var db = Site.CreateDbContext();
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
        strategy.CommitteeId ??= await db.Committees.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        db.CommitteeMeetings.Add(new CommitteeMeeting { CommitteeId = strategy.CommitteeId.Value, MeetingDate = deadline.AddDays(7), BriefingDeadline = deadline });
        await db.SaveChangesAsync();
    }
}
