using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Security;

/// <summary>
/// A copy of a sign-in cookie stops working the moment its session ends, not at the next
/// periodic check (these tests keep the production five minutes between checks).
/// </summary>
public sealed class ServerSessionTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_copied_cookie_stops_working_when_the_user_signs_out()
    {
        var (_, browser, copy) = await SignedInStaffAsync();

        var response = await browser.SubmitAsync("/", new Dictionary<string, string>(), "form[action='/Identity/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await AssertLoginPageAsync(copy);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_an_administrator_ends_the_users_sessions()
    {
        var (userId, _, copy) = await SignedInStaffAsync();
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync($"/Identity/Users/Edit/{userId}", new Dictionary<string, string>(), "form[action*='handler=EndSessions']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await AssertLoginPageAsync(copy);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_the_users_role_changes()
    {
        var (userId, _, copy) = await SignedInStaffAsync();
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync($"/Identity/Users/Edit/{userId}", new Dictionary<string, string> { ["Input.Role"] = Roles.Committee });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await AssertLoginPageAsync(copy);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_the_user_is_disabled()
    {
        var (userId, _, copy) = await SignedInStaffAsync();
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync($"/Identity/Users/Edit/{userId}", new Dictionary<string, string> { ["Input.IsDisabled"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await AssertLoginPageAsync(copy);
    }

    [Fact]
    public async Task Other_sessions_of_the_same_user_go_on_after_one_signs_out()
    {
        var email = $"session-{MilestoneTestData.Unique()}@norddjurs.test";
        await site.CreateUserAsync(email, "Sessions Signe", Roles.Staff, null);
        var (first, _) = await SignInAsync(email);
        var (second, _) = await SignInAsync(email);

        await first.SubmitAsync("/", new Dictionary<string, string>(), "form[action='/Identity/Account/Logout']");

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).StatusCode);
    }

    private async Task<(string UserId, HttpClient Browser, HttpClient Copy)> SignedInStaffAsync()
    {
        var email = $"session-{MilestoneTestData.Unique()}@norddjurs.test";
        var userId = await site.CreateUserAsync(email, "Sessions Signe", Roles.Staff, null);
        var (browser, cookies) = await SignInAsync(email);

        // Someone else's browser with the cookie copied into it.
        var copy = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = SiteFactory.BaseAddress });
        copy.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(SiteFactory.BaseAddress));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);
        return (userId, browser, copy);
    }

    private async Task<(HttpClient Browser, CookieContainer Cookies)> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var browser = site.CreateDefaultClient(SiteFactory.BaseAddress, new CookieContainerHandler(cookies));
        var response = await browser.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Pages.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (browser, cookies);
    }

    private static async Task AssertLoginPageAsync(HttpClient copy)
    {
        var response = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
    }
}
