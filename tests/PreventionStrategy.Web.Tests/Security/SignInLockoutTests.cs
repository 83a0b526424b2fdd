using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Security;

public sealed class SignInLockoutTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string WrongPassword = "forkert-adgangskode-123";

    [Fact]
    public async Task The_sixth_wrong_password_locks_the_account_and_then_even_the_right_one_is_refused()
    {
        var email = $"laas-{MilestoneTestData.Unique()}@norddjurs.test";
        var userId = await site.CreateUserAsync(email, "Låste Lise", Roles.Staff, null);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(["E-mail eller adgangskode er forkert."], await SignInMessagesAsync(email, WrongPassword));
        }

        var sixth = await SignInMessagesAsync(email, WrongPassword);
        Assert.Contains("for mange forkerte forsøg", Assert.Single(sixth));
        Assert.Equal(sixth, await SignInMessagesAsync(email, Pages.DemoPassword));

        await using var db = site.CreateDbContext();
        var events = await db.AuditEntries.Where(e => e.EntityType == "Security" && e.EntityId == userId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(5, events.Count(e => e.Action == AuditAction.SignInFailed && e.Changes.Contains("Forkert adgangskode")));
        var lockedOut = Assert.Single(events, e => e.Action == AuditAction.LockedOut);
        Assert.Equal("127.0.0.1", lockedOut.IpAddress);
        Assert.Equal(email, lockedOut.Label);
        Assert.DoesNotContain(events, e => e.Changes.Contains(WrongPassword) || e.Changes.Contains(Pages.DemoPassword));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_messages_in_the_same_order_as_a_real_account()
    {
        var known = $"kendt-{MilestoneTestData.Unique()}@norddjurs.test";
        await site.CreateUserAsync(known, "Kendte Karen", Roles.Staff, null);
        var unknown = $"ukendt-{MilestoneTestData.Unique()}@norddjurs.test";

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            Assert.Equal(await SignInMessagesAsync(known, WrongPassword), await SignInMessagesAsync(unknown, WrongPassword));
        }

        await using var db = site.CreateDbContext();
        var failure = await db.AuditEntries.FirstAsync(e => e.Action == AuditAction.SignInFailed && e.EntityId == unknown);
        Assert.Null(failure.UserId);
        Assert.Contains("Ukendt", failure.Changes);

        // Nobody was signed in: the trail says so rather than blaming "System".
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var trail = await admin.GetDocumentAsync($"/Audit?type=Security&q={Uri.EscapeDataString(unknown)}");
        var row = trail.QuerySelectorAll("tbody tr").First();
        Assert.Contains("Ikke logget ind", row.TextContent);
        Assert.Contains("Mislykket login", row.TextContent);
    }

    [Fact]
    public async Task Failures_older_than_the_lockout_window_do_not_count()
    {
        var email = $"glemsom-{MilestoneTestData.Unique()}@norddjurs.test";
        await site.CreateUserAsync(email, "Glemsomme Gert", Roles.Staff, null);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInMessagesAsync(email, WrongPassword);
        }

        // Five failures, then a long lunch: the next wrong password starts a new count instead of locking.
        await using (var db = site.CreateDbContext())
        {
            await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInFailureAtUtc, DateTime.UtcNow.AddMinutes(-16)));
        }

        Assert.Equal(["E-mail eller adgangskode er forkert."], await SignInMessagesAsync(email, WrongPassword));
        var client = await site.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_and_a_sign_out_are_recorded_with_the_address()
    {
        var email = $"spor-{MilestoneTestData.Unique()}@norddjurs.test";
        var userId = await site.CreateUserAsync(email, "Sporede Sara", Roles.Staff, null);
        var client = site.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, "192.0.2.44");
        var signIn = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Pages.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await client.GetDocumentAsync("/");
        await client.SubmitFormAsync(home, "/", new Dictionary<string, string>(), "form[action='/Identity/Account/Logout']");

        await using var db = site.CreateDbContext();
        var events = await db.AuditEntries.Where(e => e.EntityType == "Security" && e.EntityId == userId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditAction.SignedIn, AuditAction.SignedOut], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("192.0.2.44", e.IpAddress));
        Assert.Equal(userId, events[1].UserId);
    }

    [Fact]
    public async Task A_forbidden_request_is_recorded_with_who_what_and_where()
    {
        var staff = await site.ClientFor(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Audit?q=forsøg")).StatusCode);

        await using var db = site.CreateDbContext();
        var refused = await db.AuditEntries.Where(e => e.Action == AuditAction.Forbidden && e.UserName == DemoUsers.Staff).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Contains("GET /Audit", refused.Changes);
        Assert.DoesNotContain("forsøg", refused.Changes);
        Assert.Equal("127.0.0.1", refused.IpAddress);

        // And the administrator reads it in the audit trail, in Danish.
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var trail = await admin.GetDocumentAsync($"/Audit?type=Security&action={nameof(AuditAction.Forbidden)}");
        var row = trail.QuerySelectorAll("tbody tr").First();
        Assert.Contains("Adgang nægtet", row.TextContent);
        Assert.Contains("GET /Audit", row.TextContent);
        Assert.Contains("127.0.0.1", row.TextContent);
    }

    private async Task<IReadOnlyList<string>> SignInMessagesAsync(string email, string password)
    {
        var client = site.CreateBrowserlessClient();
        var response = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ParseAsync()).ErrorMessages();
    }
}
