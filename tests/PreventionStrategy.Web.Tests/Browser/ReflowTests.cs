using Microsoft.Playwright;
using PreventionStrategy.Web.Tests.Access;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>
/// Reflow (WCAG 1.4.10): at 320 CSS pixels wide, what a phone shows and what 400 % zoom on a desktop comes to, no page
/// scrolls sideways (wide tables scroll inside their own box) and nothing the header offers is lost.
/// </summary>
[Trait("Category", "Accessibility")]
public sealed class ReflowTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    private const int Width = 320;

    [Fact]
    public async Task No_page_scrolls_sideways_at_320_pixels()
    {
        DemoIds ids;
        await using (var db = browser.Site.CreateDbContext())
        {
            ids = await DemoIds.LoadAsync(db);
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        await page.SetViewportSizeAsync(Width, 800);
        await CheckAsync(page, "/Identity/Account/Login", problems);
        await CheckAsync(page, "/Accessibility", problems);

        // The administrator opens every page there is (signing in at desktop width, where the header shows who is signed in).
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserSite.SignInAsync(page, DemoUsers.Administrator);
        await page.SetViewportSizeAsync(Width, 800);
        var pages = AccessMatrixTests.Pages
            .Select(row => AccessMatrixTests.Resolve((string)row[0], ids))
            .Where(url => !url.Contains("handler=") && !url.StartsWith("/hangfire", StringComparison.Ordinal))
            .Append($"/Calendar?strategyId={ids.Strategy}&year=2024&month=12");
        foreach (var url in pages)
        {
            await CheckAsync(page, url, problems);
        }

        Assert.True(problems.Count == 0, $"Pages wider than {Width} px:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task At_320_pixels_the_menu_drawer_offers_what_the_header_does()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(Width, 800);
        await page.GotoAsync("/Identity/Account/Login");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(1280, 900);
        await BrowserSite.SignInAsync(page, DemoUsers.Staff);
        await page.SetViewportSizeAsync(Width, 800);
        await page.GotoAsync("/");
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Log ud", Exact = true });
        await Assertions.Expect(signOut).Not.ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true }).PressAsync("Enter");
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mine påmindelser" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mobile-drawer").GetByRole(AriaRole.Link, new() { Name = "To-trinsbekræftelse", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mobile-drawer").GetByText(DemoUsers.Staff)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_menu_overflow_button_speaks_the_page_language()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserSite.SignInAsync(page, DemoUsers.Administrator);

        // The administrator's menu does not fit beside the header at this width; DKFDS folds the rest under one button.
        await page.SetViewportSizeAsync(1024, 900);
        await page.GotoAsync("/");
        var more = page.Locator("nav.nav .more-option .more-button");
        await Assertions.Expect(more).ToHaveTextAsync("Mere");

        await page.GotoAsync("/?culture=en-GB&ui-culture=en-GB");
        await Assertions.Expect(more).ToHaveTextAsync("More");
    }

    [Fact]
    public async Task A_table_wider_than_its_box_says_it_scrolls_and_a_table_that_fits_does_not()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.DepartmentHead);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/Milestones");

        // A phone is narrower than the list's columns: the hint is there, with its words.
        await HintsMatchOverflowAsync(page);
        var hint = page.Locator(".table-scroll-hint");
        await Assertions.Expect(hint.First).ToBeVisibleAsync();
        await Assertions.Expect(hint.First).ToHaveTextAsync("Tabellen er bredere end skærmen: rul vandret i den for at se alle kolonner.");

        // Wider, each table has the hint exactly when it still overflows (how wide the list is depends on the titles planted).
        await page.SetViewportSizeAsync(1920, 900);
        await HintsMatchOverflowAsync(page);
        await page.SetViewportSizeAsync(390, 844);
        await HintsMatchOverflowAsync(page);
    }

    /// <summary>Waits (the script reacts to a resize after a pause) until every table box has the hint if and only if it overflows.</summary>
    private static Task HintsMatchOverflowAsync(IPage page) => page.WaitForFunctionAsync(
        @"() => [...document.querySelectorAll('.table--responsive-scroll')].every(box =>
            (box.scrollWidth > box.clientWidth + 1) === !!(box.previousElementSibling && box.previousElementSibling.classList.contains('table-scroll-hint')))",
        null,
        new PageWaitForFunctionOptions { Timeout = 10_000 });

    private static async Task CheckAsync(IPage page, string url, List<string> problems)
    {
        await page.GotoAsync(url);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (width > Width)
        {
            problems.Add($"{url}: {width} px");
        }
    }
}
