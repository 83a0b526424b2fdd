using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PreventionStrategy.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>The site in a real browser: what a person sees and clicks, with its styles and scripts.</summary>
public sealed class SignInAndDashboardTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private readonly Screenshots screenshots = new(output, nameof(Department_head_signs_in_and_sees_the_Norddjurs_dashboard));

    private const string StrategyName = "Forebyggende strategi for anbringelsesområdet";

    private static readonly string[] FocusAreas =
    [
        "Flere netværksanbringelser",
        "Opkvalificering af familieplejeanbringelser",
        "Færre anbringelser på Børne- og Ungehjem",
    ];

    private static readonly string[] StatusLabels = ["Planlagt", "I gang", "I risiko", "Forsinket", "Gennemført", "Aflyst"];

    [Fact]
    public async Task Department_head_signs_in_and_sees_the_Norddjurs_dashboard()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = BrowserSite.WatchForProblems(page);
        var step = "start";
        try
        {
            await page.GotoAsync("/");

            // Every page needs a sign-in, so the front page sends a stranger to the login page.
            step = "1-login";
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/Login", RegexOptions.IgnoreCase));
            await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(DemoUsers.DepartmentHead);
            await page.GetByLabel("Adgangskode", new() { Exact = true }).FillAsync(Pages.DemoPassword);
            await screenshots.TakeAsync(page, step);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();

            // Back on the front page, signed in, with the demo plan listed.
            step = "2-front-page";
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"^https?://[^/]+/(\?.*)?$"));
            await Assertions.Expect(page.Locator("header strong.authority-name")).ToHaveTextAsync(DemoUsers.DepartmentHead);
            var strategyLink = page.GetByRole(AriaRole.Link, new() { Name = StrategyName, Exact = true });
            await Assertions.Expect(strategyLink).ToBeVisibleAsync();
            await screenshots.TakeAsync(page, step);
            await strategyLink.ClickAsync();

            // The dashboard: the three focus areas, each with its count per status.
            step = "3-dashboard";
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = StrategyName, Exact = true })).ToBeVisibleAsync();
            await AssertStatusBadgesAsync(page.Locator(".status-summary"));
            foreach (var focusArea in FocusAreas)
            {
                var heading = page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = focusArea });
                await Assertions.Expect(heading).ToBeVisibleAsync();
                await AssertStatusBadgesAsync(page.Locator("section.card").Filter(new() { Has = heading }));
            }

            // The site's stylesheet is applied, not just linked: a badge is drawn as a box, not as plain inline text.
            var badgeDisplay = await page.Locator(".status-summary .status-badge").First.EvaluateAsync<string>("badge => getComputedStyle(badge).display");
            Assert.Equal("inline-block", badgeDisplay);

            Assert.True(problems.Count == 0, "The browser met errors on the way:\n" + string.Join("\n", problems));
        }
        finally
        {
            // For people to look at (not asserted); on a failure it shows the page the test stopped on.
            await screenshots.TryTakeAsync(page, step);
        }
    }

    private static async Task AssertStatusBadgesAsync(ILocator container)
    {
        await Assertions.Expect(container).ToHaveCountAsync(1);
        await Assertions.Expect(container.Locator(".status-badge")).ToHaveTextAsync(StatusLabels);
    }
}
