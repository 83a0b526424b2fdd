using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Reminders;

namespace PreventionStrategy.Web.Tests.Security;

/// <summary>Access taken away takes effect in the user's open sessions, not only at their next sign-in.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly DemoSite site = new();

    public async Task InitializeAsync()
    {
        // Check the security stamp on every request, so the test need not wait the production five minutes.
        site.Settings["Security:SessionCheckMinutes"] = "0";
        await site.InitializeAsync();
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Changing_a_users_role_signs_them_out_of_open_sessions()
    {
        var (userId, session) = await SignedInStaffAsync();
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync($"/Identity/Users/Edit/{userId}", new Dictionary<string, string> { ["Input.Role"] = Roles.Committee });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await AssertSignedOutAsync(session);
        await using var db = site.CreateDbContext();
        var change = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.RoleChanged && e.EntityId == userId);
        Assert.Contains(Roles.Staff, change.Changes);
        Assert.Contains(Roles.Committee, change.Changes);
        Assert.Equal(DemoUsers.Administrator, change.UserName);
    }

    [Fact]
    public async Task Disabling_a_user_signs_them_out_of_open_sessions()
    {
        var (userId, session) = await SignedInStaffAsync();
        var admin = await site.ClientFor(DemoUsers.Administrator);
        await admin.SubmitAsync($"/Identity/Users/Edit/{userId}", new Dictionary<string, string> { ["Input.IsDisabled"] = "true" });

        await AssertSignedOutAsync(session);
    }

    [Fact]
    public async Task An_administrator_ends_a_users_sessions_everywhere()
    {
        var (userId, session) = await SignedInStaffAsync();
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync($"/Identity/Users/Edit/{userId}", new Dictionary<string, string>(), "form[action*='handler=EndSessions']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await AssertSignedOutAsync(session);
        await using var db = site.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.SessionsEnded && e.EntityId == userId));

        // The user is not locked out: signing in again works.
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await site.SignedInClientAsync(email)).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Resetting_a_password_ends_the_sessions_removes_the_password_and_mails_a_link()
    {
        var (userId, session) = await SignedInStaffAsync();
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync($"/Identity/Users/Edit/{userId}", new Dictionary<string, string>(), "form[action*='handler=ResetPassword']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await AssertSignedOutAsync(session);
        await using var db = site.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        Assert.Null(user.PasswordHash);
        await site.SendPendingMailAsync();
        var mail = Directory.GetFiles(site.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).To(user.Email!);
        Assert.Contains(mail, m => m.Subject == "Vælg en ny adgangskode til Forebyggende strategi" && m.TextBody!.Contains("/Identity/Account/SetPassword?userId="));
    }

    [Fact]
    public async Task Without_a_change_the_session_goes_on()
    {
        var (_, session) = await SignedInStaffAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        }
    }

    private async Task<(string UserId, HttpClient Session)> SignedInStaffAsync()
    {
        var email = $"session-{MilestoneTestData.Unique()}@norddjurs.test";
        var userId = await site.CreateUserAsync(email, "Sessions Signe", Roles.Staff, null);
        var session = await site.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        return (userId, session);
    }

    private static async Task AssertSignedOutAsync(HttpClient session)
    {
        var response = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
    }
}
