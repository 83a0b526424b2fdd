using System.Net;
using Microsoft.AspNetCore.Hosting;
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

    private sealed class EmptySite : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Enabled", "false");
        }
    }
}
