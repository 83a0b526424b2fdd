using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Identity;

/// <summary>Outside the demo, a new site has no users: the first visitor creates the administrator, once.</summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly EmptySite site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task A_site_without_an_administrator_offers_the_first_run_page_once()
    {
        var client = site.CreateBrowserlessClient();
        var login = await client.GetAsync("/Identity/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/Identity/Account/Setup", login.Headers.Location!.OriginalString);

        var tooShort = await client.SubmitAsync("/Identity/Account/Setup", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Kirsten Koordinator",
            ["Input.Email"] = "kirsten@norddjurs.example",
            ["Input.Password"] = "kort",
            ["Input.ConfirmPassword"] = "kort",
        });
        Assert.Contains("Adgangskoden skal være mellem 12 og 200 tegn.", (await tooShort.ParseAsync()).ErrorMessages());

        var created = await client.SubmitAsync("/Identity/Account/Setup", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Kirsten Koordinator",
            ["Input.Email"] = "kirsten@norddjurs.example",
            ["Input.Password"] = "koordinatorens lange kodeord",
            ["Input.ConfirmPassword"] = "koordinatorens lange kodeord",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Identity/Users")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateBrowserlessClient().GetAsync("/Identity/Account/Setup")).StatusCode);
    }

    [Fact]
    public async Task Ten_simultaneous_first_run_posts_create_exactly_one_administrator()
    {
        var clients = Enumerable.Range(0, 10).Select(_ => site.CreateBrowserlessClient()).ToList();
        var pages = await Task.WhenAll(clients.Select(c => c.GetDocumentAsync("/Identity/Account/Setup")));

        var responses = await Task.WhenAll(clients.Select((client, i) => client.SubmitFormAsync(pages[i], "/Identity/Account/Setup", new Dictionary<string, string>
        {
            ["Input.FullName"] = $"Administrator {i}",
            ["Input.Email"] = $"admin{i}@norddjurs.example",
            ["Input.Password"] = "koordinatorens lange kodeord",
            ["Input.ConfirmPassword"] = "koordinatorens lange kodeord",
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains((await refused.ParseAsync()).ErrorMessages(), m => m.StartsWith("Sitet har allerede fået sin første administrator.", StringComparison.Ordinal));
        }

        await using var db = site.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Empty(site.Errors.Entries);
    }

    private sealed class EmptySite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Enabled", "false");
        }
    }
}
