using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>The administrators' outbox, and who may see it and the job dashboard.</summary>
public sealed class OutboxPageTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task A_failed_delivery_shows_the_servers_reason_and_can_be_sent_again()
    {
        var id = MilestoneTestData.Unique();
        var rejected = $"reject-{id}@norddjurs.test";
        var fine = $"fin-{id}@norddjurs.test";
        var event1 = await Site.CreateEventAsync($"Temadag {id}", MilestoneTestData.DanishToday.AddDays(1),
            [(await Site.CreatePersonAsync("Afvist", rejected), StakeholderRole.Participant), (await Site.CreatePersonAsync("Fin", fine), StakeholderRole.Participant)]);
        await fixture.RunJobAsync();

        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var failedOnly = await admin.GetDocumentAsync($"/Outbox?state=Failed&q=reject-{id}");
        var row = Assert.Single(failedOnly.QuerySelectorAll("#outbox tbody tr"));
        Assert.Contains("Fejlet", row.TextContent);
        Assert.Contains("550", row.TextContent);
        Assert.Contains(rejected, row.TextContent);
        Assert.Contains($"/Milestones/Details/{event1}", row.InnerHtml);

        var sentOnly = await admin.GetDocumentAsync($"/Outbox?state=Sent&q={id}");
        var sentRow = Assert.Single(sentOnly.QuerySelectorAll("#outbox tbody tr"));
        Assert.Contains(fine, sentRow.TextContent);
        Assert.Contains("Påmindelse: Temadag", sentRow.TextContent);

        var response = await admin.SubmitFormAsync(failedOnly, $"/Outbox?state=Failed&q=reject-{id}", new Dictionary<string, string>(), "#outbox form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = Site.CreateDbContext();
        var retried = await db.Deliveries.SingleAsync(d => d.RecipientEmail == rejected);
        Assert.Equal(DeliveryState.Pending, retried.State);
        Assert.Equal(0, retried.Attempts);

        // Sent again, refused again: failed once more, with the reason.
        await fixture.RunJobAsync();
        await db.Entry(retried).ReloadAsync();
        Assert.Equal(DeliveryState.Failed, retried.State);
        Assert.Equal(2, fixture.Smtp.Events().Count(e => e == $"reject 550 {rejected}"));
    }

    [Fact]
    public async Task An_unknown_filter_value_is_ignored_not_fatal()
    {
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var response = await admin.GetAsync("/Outbox?state=Nonsense&kind=42&pageNumber=-3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Outbox")]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    public async Task Only_administrators_reach_the_outbox_and_the_job_dashboard(string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await (await Site.SignedInClientAsync(DemoUsers.Administrator)).GetAsync(url)).StatusCode);
        foreach (var email in new[] { DemoUsers.DepartmentHead, DemoUsers.Staff, DemoUsers.Committee })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await Site.SignedInClientAsync(email)).GetAsync(url)).StatusCode);
        }

        var anonymous = await Site.CreateBrowserlessClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_reminder_job_is_scheduled_in_hangfire()
    {
        var admin = await Site.SignedInClientAsync(DemoUsers.Administrator);
        var page = await admin.GetStringAsync("/hangfire/recurring");
        Assert.Contains("reminders", page);
        Assert.Contains("*/5 * * * *", page);
    }
}
