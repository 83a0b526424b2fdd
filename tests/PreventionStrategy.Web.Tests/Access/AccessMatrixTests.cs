using System.Net;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Access;

/// <summary>Every page, requested as every role and as an anonymous visitor, against the table of who may see it.</summary>
public sealed class AccessMatrixTests(DemoSite site) : IClassFixture<DemoSite>
{
    /// <summary>Anyone, signed in or not.</summary>
    internal const string Anonymous = SitePages.Anonymous;

    /// <summary>Every signed-in role.</summary>
    internal const string Everyone = SitePages.Everyone;

    internal const string AdminOnly = SitePages.AdminOnly;

    /// <summary>Administrators and the milestone's owner (the demo department head owns every Norddjurs milestone).</summary>
    internal const string Owners = SitePages.Owners;

    public static TheoryData<string, string> Pages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (template, allowed) in SitePages.All)
            {
                data.Add(template, allowed);
            }

            return data;
        }
    }

    /// <summary>Whether the user (null: an anonymous visitor) may open a page of the given kind.</summary>
    internal static bool MayRead(string? email, string allowed) => allowed switch
    {
        Anonymous => true,
        Everyone => email is not null,
        Owners => email is DemoUsers.Administrator or DemoUsers.DepartmentHead,
        _ => email == DemoUsers.Administrator,
    };

    /// <summary>A page template from <see cref="Pages"/> with the demo's ids filled in.</summary>
    internal static string Resolve(string template, DemoIds ids) => SitePages.Resolve(template, ids);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_renders_for_the_roles_it_allows_and_refuses_the_others(string template, string allowed)
    {
        var url = Resolve(template, site.Ids);
        foreach (var email in DemoUsers.All)
        {
            var client = await site.ClientFor(email);
            var response = await client.GetAsync(url);
            var mayRead = MayRead(email, allowed);
            Assert.True(
                response.StatusCode == (mayRead ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
                $"{email} GET {url}: expected {(mayRead ? 200 : 403)}, got {(int)response.StatusCode}");
            if (!mayRead)
            {
                Assert.Contains("Du har ikke adgang", await response.Content.ReadAsStringAsync());
            }
        }

        var anonymous = await site.ClientFor(null);
        var anonymousResponse = await anonymous.GetAsync(url);
        if (MayRead(null, allowed))
        {
            Assert.True(anonymousResponse.StatusCode == HttpStatusCode.OK, $"anonymous GET {url}: expected 200, got {(int)anonymousResponse.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymousResponse.StatusCode);
            Assert.StartsWith("/Identity/Account/Login", anonymousResponse.Headers.Location!.PathAndQuery);
        }
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/ForgotPassword")]
    public async Task Public_endpoints_answer_anonymous_visitors(string url)
    {
        var response = await (await site.ClientFor(null)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The second step of signing in is for whoever has just given a right password; anyone else is sent to the first step.</summary>
    [Theory]
    [InlineData("/Identity/Account/LoginWithCode")]
    [InlineData("/Identity/Account/LoginWithRecoveryCode")]
    public async Task The_two_factor_sign_in_steps_send_everyone_without_a_password_step_to_the_login_page(string url)
    {
        foreach (var email in DemoUsers.All.Append(null))
        {
            var response = await (await site.ClientFor(email)).GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email ?? "anonymous"} GET {url}: expected 302, got {(int)response.StatusCode}");
            Assert.Equal("/Identity/Account/Login", response.Headers.Location!.OriginalString);
        }

        var anonymous = await site.ClientFor(null);
        var page = await anonymous.GetDocumentAsync("/Identity/Account/Login");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var withToken = await anonymous.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Code"] = "123456" }));
        Assert.Equal("/Identity/Account/Login", withToken.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Code"] = "123456" }))).StatusCode);
    }

    [Fact]
    public async Task A_post_from_a_role_without_write_access_is_refused_and_changes_nothing()
    {
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        await using var db = site.CreateDbContext();
        var before = db.Milestones.Count();

        // The department head cannot load the admin form, so post with a token from a page they can read.
        var page = await client.GetDocumentAsync("/");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/Milestones/Edit/{site.Ids.Milestone}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, db.Milestones.Count());
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_rejected()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var response = await client.PostAsync($"/Milestones/Edit/{site.Ids.Milestone}?handler=Delete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private string Resolve(string template) => SitePages.Resolve(template, site.Ids);
}
