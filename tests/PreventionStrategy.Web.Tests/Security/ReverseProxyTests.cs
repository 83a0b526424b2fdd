using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Security;

/// <summary>Behind a proxy the client's address comes from X-Forwarded-For, but only when the proxy is one the site knows.</summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public async Task The_audit_trail_records_the_forwarded_client_address_when_the_request_comes_through_a_known_proxy()
    {
        await using var site = new SiteFactory();
        site.Settings["Proxy:KnownProxies:0"] = "127.0.0.1";

        Assert.Equal("203.0.113.7", await SignInAddressAsync(site));
    }

    [Fact]
    public async Task A_forwarded_address_from_a_proxy_the_site_does_not_know_is_ignored()
    {
        await using var site = new SiteFactory();

        Assert.Equal("127.0.0.1", await SignInAddressAsync(site));
    }

    private static async Task<string?> SignInAddressAsync(SiteFactory site)
    {
        var client = site.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string> { ["Input.Email"] = DemoUsers.Staff, ["Input.Password"] = Pages.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = site.CreateDbContext();
        return await db.AuditEntries.Where(e => e.Action == AuditAction.SignedIn).OrderByDescending(e => e.Id).Select(e => e.IpAddress).FirstAsync();
    }
}
