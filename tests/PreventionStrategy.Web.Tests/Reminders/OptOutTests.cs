using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>Opting out from the link in a reminder, and back in, with nothing sent in between.</summary>
public sealed class OptOutTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task The_link_in_a_reminder_opts_out_and_in_again_without_signing_in()
    {
        var id = MilestoneTestData.Unique();
        var email = $"afmeld-{id}@norddjurs.test";
        var personId = await Site.CreatePersonAsync("Afmelder", email);
        await Site.CreateEventAsync($"Temadag A {id}", MilestoneTestData.DanishToday.AddDays(1), [(personId, StakeholderRole.Participant)]);
        await fixture.RunJobAsync();
        var link = fixture.Smtp.Messages().To(email).Single().Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Contains(link, fixture.Smtp.Messages().To(email).Single().TextBody);

        var anonymous = Site.CreateBrowserlessClient();
        var page = await anonymous.GetDocumentAsync(new Uri(link).PathAndQuery);
        Assert.Contains($"{email} får påmindelser", page.Body!.TextContent);
        // The page's second form: all reminders, not only the link's list.
        var response = await anonymous.SubmitFormAsync(page, new Uri(link).PathAndQuery, new Dictionary<string, string>(), "main form[action$='handler=OptOut']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{email} er afmeldt", (await response.ParseAsync()).Body!.TextContent);

        // A second event: nothing reaches the address while it is opted out.
        await Site.CreateEventAsync($"Temadag B {id}", MilestoneTestData.DanishToday.AddDays(1), [(personId, StakeholderRole.Participant)]);
        await fixture.RunJobAsync();
        Assert.Single(fixture.Smtp.Messages().To(email));

        page = await anonymous.GetDocumentAsync(new Uri(link).PathAndQuery);
        Assert.Contains($"{email} får ikke påmindelser", page.Body!.TextContent);
        response = await anonymous.SubmitFormAsync(page, new Uri(link).PathAndQuery, new Dictionary<string, string>(), "main form[action$='handler=OptIn']");
        Assert.Contains($"{email} får påmindelser igen", (await response.ParseAsync()).Body!.TextContent);

        await Site.CreateEventAsync($"Temadag C {id}", MilestoneTestData.DanishToday.AddDays(1), [(personId, StakeholderRole.Participant)]);
        await fixture.RunJobAsync();
        Assert.Contains(fixture.Smtp.Messages().To(email), m => m.Subject!.Contains($"Temadag C {id}"));
    }

    [Theory]
    [InlineData("/Reminders/Unsubscribe")]
    [InlineData("/Reminders/Unsubscribe?token=abc")]
    [InlineData("/Reminders/Unsubscribe?token=CfDJ8-forged-token-that-was-never-signed")]
    public async Task A_missing_or_forged_token_gets_a_danish_message_and_changes_nothing(string url)
    {
        await using var db = Site.CreateDbContext();
        var before = await db.ReminderOptOuts.CountAsync();

        var response = await Site.CreateBrowserlessClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Linket er ugyldigt", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await db.ReminderOptOuts.CountAsync());
    }

    [Fact]
    public async Task A_signed_in_user_opts_their_own_address_out_and_in_from_my_reminders()
    {
        var id = MilestoneTestData.Unique();
        var email = $"profil-{id}@norddjurs.test";
        await Site.CreateUserAsync(email, "Profil Pedersen", Web.Features.Identity.Roles.Staff, null);
        var client = await Site.SignedInClientAsync(email);

        var response = await client.SubmitAsync("/Reminders/Preferences", new Dictionary<string, string>(), "main form.all-reminders");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = Site.CreateDbContext())
        {
            Assert.True(await db.ReminderOptOuts.AnyAsync(o => o.Email == email));
        }

        var page = await client.GetDocumentAsync("/Reminders/Preferences");
        Assert.Contains("Du får ikke flere påmindelser", page.Body!.TextContent);
        await client.SubmitFormAsync(page, "/Reminders/Preferences", new Dictionary<string, string>(), "main form.all-reminders");
        await using (var db = Site.CreateDbContext())
        {
            Assert.False(await db.ReminderOptOuts.AnyAsync(o => o.Email == email));
        }
    }
}
