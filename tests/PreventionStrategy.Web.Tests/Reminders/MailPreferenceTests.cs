using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>Per-person choices per kind of message under "Mine påmindelser", honoured when sending, and the administrators' overview.</summary>
public sealed class MailPreferenceTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task Choices_saved_under_my_reminders_stop_that_kind_only_and_administrators_see_them()
    {
        var id = MilestoneTestData.Unique();
        var email = $"valg-{id}@norddjurs.test";
        await Site.CreateUserAsync(email, "Valg Vestergaard", Roles.Staff, null);
        var client = await Site.SignedInClientAsync(email);

        var page = await client.GetDocumentAsync("/Reminders/Preferences");
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Choices[EventReminders]'][value=Immediately]")!).IsChecked);
        Assert.Null(page.QuerySelector("input[name='Choices[Digest]'][value=InDigest]")); // the digest is on or off
        Assert.Null(page.QuerySelector("input[name='Choices[Briefings]'][value=InDigest]"));

        var response = await client.SubmitFormAsync(page, "/Reminders/Preferences", new Dictionary<string, string>
        {
            ["Choices[EventReminders]"] = "Never",
            ["Choices[UpdateRequests]"] = "InDigest",
        }, "main form[action$='handler=Choices']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        page = await client.GetDocumentAsync("/Reminders/Preferences");
        Assert.Contains("Dine valg er gemt.", page.Body!.TextContent);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Choices[EventReminders]'][value=Never]")!).IsChecked);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Choices[UpdateRequests]'][value=InDigest]")!).IsChecked);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name='Choices[Digest]'][value=Immediately]")!).IsChecked);

        // A reminder for an event the person takes part in is not sent; the choice is the reason in the outbox.
        var personId = await Site.CreatePersonAsync("Valg Vestergaard", email);
        await Site.CreateEventAsync($"Temadag {id}", MilestoneTestData.DanishToday.AddDays(1), [(personId, StakeholderRole.Participant)]);
        await fixture.RunJobAsync();
        Assert.Empty(fixture.Smtp.Messages().To(email));
        await using (var db = Site.CreateDbContext())
        {
            var skipped = await db.Deliveries.SingleAsync(d => d.RecipientEmail == email && d.Kind == DeliveryKind.EventReminder);
            Assert.Equal(DeliveryState.Skipped, skipped.State);
            Assert.Empty(await db.ReminderOptOuts.Where(o => o.Email == email).ToListAsync());
        }

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var overview = await admin.GetDocumentAsync("/Reminders/Choices");
        var rows = overview.QuerySelectorAll("main table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).Where(r => r[0] == email).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r[1] == "Valg Vestergaard" && r[2] == "påmindelser før begivenheder" && r[3] == "aldrig" && r[4] == "Mine påmindelser");
        Assert.Contains(rows, r => r[2] == "anmodninger om statusopdatering og indberetning" && r[3] == "i ugens sammendrag");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Reminders/Choices")).StatusCode);
    }

    [Theory]
    [InlineData("Choices[Digest]", "InDigest")]
    [InlineData("Choices[Briefings]", "InDigest")]
    [InlineData("Choices[EventReminders]", "Sometimes")]
    [InlineData("Choices[Nonsense]", "Never")]
    public async Task A_choice_a_kind_does_not_offer_is_refused_in_Danish_and_nothing_is_saved(string field, string value)
    {
        var id = MilestoneTestData.Unique();
        var email = $"forkert-{id}@norddjurs.test";
        await Site.CreateUserAsync(email, "Forkert Frandsen", Roles.Staff, null);
        var client = await Site.SignedInClientAsync(email);

        var response = await client.SubmitAsync("/Reminders/Preferences", new Dictionary<string, string> { [field] = value, ["Choices[EventReminders]"] = field.Contains("EventReminders") ? value : "Never" }, "main form[action$='handler=Choices']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ParseAsync()).ErrorMessages());
        await using var db = Site.CreateDbContext();
        Assert.False(await db.MailPreferences.AnyAsync(p => p.Email == email));
    }
}
