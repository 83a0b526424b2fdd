using Microsoft.Playwright;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>Hangfire's dashboard is third-party markup: it must still work under the site's Content-Security-Policy.</summary>
public sealed class JobDashboardTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_job_dashboard_works_for_an_administrator_without_policy_violations()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Administrator);
        var problems = BrowserSite.WatchForProblems(page);

        await page.GotoAsync("/hangfire/recurring");
        await Assertions.Expect(page.GetByText("Påmindelser, opdateringsanmodninger og udvalgsorienteringer")).ToBeVisibleAsync();
        await page.GotoAsync("/hangfire");
        await Assertions.Expect(page.Locator("#realtimeGraph, .hangfire-graph, svg").First).ToBeVisibleAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_sites_own_pages_raise_no_policy_violations()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = BrowserSite.WatchForProblems(page);
        await BrowserSite.SignInAsync(page, DemoUsers.Administrator);
        var strategyId = await browser.Site.StrategyIdAsync();

        foreach (var url in new[] { "/", $"/Milestones?strategyId={strategyId}", $"/Timeline?strategyId={strategyId}", $"/Calendar?strategyId={strategyId}", "/Identity/TwoFactor/Enable", "/Audit", "/Outbox" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
