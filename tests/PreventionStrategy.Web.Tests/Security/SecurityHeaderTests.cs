using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Security;

public sealed class SecurityHeaderTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData(null, "/Identity/Account/Login")]
    [InlineData(DemoUsers.Administrator, "/")]
    [InlineData(DemoUsers.Staff, "/Audit")]
    [InlineData(DemoUsers.Committee, "/findes-ikke")]
    public async Task Every_response_carries_the_browser_protections(string? email, string url)
    {
        var response = await (await site.ClientFor(email)).GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_contain_no_inline_scripts_or_event_handlers_the_policy_would_block()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        foreach (var url in new[] { "/", $"/Milestones?strategyId={site.Ids.Strategy}", $"/Milestones/Details/{site.Ids.Milestone}", $"/Milestones/Edit/{site.Ids.Milestone}", $"/Timeline?strategyId={site.Ids.Strategy}", $"/Calendar?strategyId={site.Ids.Strategy}", "/Audit", "/Outbox" })
        {
            var page = await admin.GetDocumentAsync(url);
            Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"inline script on {url}"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.DoesNotContain(page.All, e => e.HasAttribute("style"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task Cookies_are_secure_http_only_and_same_site()
    {
        var client = site.CreateBrowserlessClient();
        var login = await client.GetAsync("/Identity/Account/Login");
        var form = await login.ParseAsync();
        var signIn = await client.SubmitFormAsync(form, "/Identity/Account/Login", new Dictionary<string, string> { ["Input.Email"] = DemoUsers.Staff, ["Input.Password"] = Pages.DemoPassword });
        var cookies = login.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();

        Assert.Contains(cookies, c => c.StartsWith("PreventionStrategy.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("PreventionStrategy.Auth=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var attributes = cookie.ToLowerInvariant();
            Assert.Contains("; secure", attributes);
            Assert.Contains("; httponly", attributes);
            Assert.Matches("; samesite=(lax|strict)", attributes);
        });
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_https_answers_carry_hsts()
    {
        var http = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://forebyg.norddjurs.test/"), AllowAutoRedirect = false });
        var redirect = await http.GetAsync("/Identity/Account/Login");
        Assert.True(redirect.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"got {(int)redirect.StatusCode}");
        Assert.Equal("https", redirect.Headers.Location!.Scheme);

        var https = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://forebyg.norddjurs.test/"), AllowAutoRedirect = false });
        var page = await https.GetAsync("/Identity/Account/Login");
        Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task An_error_shows_a_Danish_page_without_a_stack_trace()
    {
        // A malformed antiforgery cookie makes the antiforgery system throw deep inside the framework.
        var client = site.CreateBrowserlessClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "ødelagt", ["Input.Email"] = "a@b.dk", ["Input.Password"] = "x" }),
        };
        request.Headers.Add("Cookie", "PreventionStrategy.Antiforgery=%%%ødelagt");
        var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lang=\"da\"", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
    }
}
