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

    // Worst first, overdue counted as its own state (as in the committee briefing).
    private static readonly string[] StateLabels = ["Over tid", "Forsinket", "I risiko", "I gang", "Planlagt", "Gennemført", "Aflyst"];

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
            await Assertions.Expect(page.Locator("header strong.authority-name")).ToHaveTextAsync($"Lars Leder ({DemoUsers.DepartmentHead})");
            var strategyLink = page.GetByRole(AriaRole.Link, new() { Name = StrategyName, Exact = true });
            await Assertions.Expect(strategyLink).ToBeVisibleAsync();
            await screenshots.TakeAsync(page, step);
            await strategyLink.ClickAsync();

            // The dashboard leads with the verdict: every Norddjurs milestone is past its date, so "Forsinket",
            // with the count per state; then the three focus areas, each with a bar and its counts in words.
            step = "3-dashboard";
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = StrategyName, Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Samlet status: Forsinket", Exact = true })).ToBeVisibleAsync();
            var states = page.Locator(".status-summary li");
            await Assertions.Expect(states).ToHaveCountAsync(StateLabels.Length);
            for (var i = 0; i < StateLabels.Length; i++)
            {
                await Assertions.Expect(states.Nth(i)).ToHaveTextAsync(new Regex($"^{StateLabels[i]} \\d+$"));
            }

            foreach (var focusArea in FocusAreas)
            {
                var heading = page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = focusArea });
                await Assertions.Expect(heading).ToBeVisibleAsync();
                var card = page.Locator("section.card").Filter(new() { Has = heading });
                await Assertions.Expect(card.Locator("svg.state-bar rect.state-overdue")).ToHaveCountAsync(1);
                await Assertions.Expect(card.Locator(".state-counts li").First).ToHaveTextAsync(new Regex(@"^Over tid \d+$"));
            }

            // The site's stylesheet is applied, not just linked: a state's swatch is drawn as a box, not as nothing.
            var swatchDisplay = await page.Locator(".status-summary .state-swatch").First.EvaluateAsync<string>("swatch => getComputedStyle(swatch).display");
            Assert.Equal("inline-block", swatchDisplay);

            Assert.True(problems.Count == 0, "The browser met errors on the way:\n" + string.Join("\n", problems));
        }
        finally
        {
            // For people to look at (not asserted); on a failure it shows the page the test stopped on.
            await screenshots.TryTakeAsync(page, step);
        }
    }
}
