using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>
/// The site with a keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.7): the skip link, a visible focus indicator on every
/// tab stop, and a department head's status update from the dashboard without touching the mouse.
/// </summary>
[Trait("Category", "Accessibility")]
public sealed class KeyboardTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    /// <summary>More tab stops than any page here has; a page that never lets go of focus fails instead of looping.</summary>
    private const int MaxTabStops = 400;

    /// <summary>
    /// What the focused element looks like: its description, whether it is on screen, and whether focus changed how it
    /// is drawn (an outline of 2px or more, or a box-shadow it does not have unfocused; for a DKFDS checkbox or radio,
    /// whose input is hidden, its label's box).
    /// </summary>
    private const string FocusedElementScript =
        """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) return 'null';
            const text = (el.getAttribute('aria-label') || el.innerText || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 60);
            const description = `<${el.tagName.toLowerCase()}${el.id ? ' id="' + el.id + '"' : ''}${el.getAttribute('class') ? ' class="' + el.getAttribute('class') + '"' : ''}> "${text}"`;
            const drawn = (style) => ({
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && !/^(transparent|rgba\(.*,\s*0\))$/.test(style.outlineColor),
                shadow: style.boxShadow,
                text: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
            });
            const hiddenInput = el.matches('input[type=checkbox], input[type=radio]') && el.labels && el.labels.length > 0;
            const target = hiddenInput ? el.labels[0] : el;
            const focused = hiddenInput ? drawn(getComputedStyle(target, '::before')) : drawn(getComputedStyle(target));
            const unfocused = window.__unfocusedShadows && window.__unfocusedShadows.get(target);
            const shadowChanged = focused.shadow !== 'none' && focused.shadow !== (unfocused ?? 'none');
            const box = target.getBoundingClientRect();
            return JSON.stringify({
                description,
                indicated: focused.outline || shadowChanged,
                onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
                style: focused.text,
                isSkipLink: el.classList.contains('skipnav'),
                inMain: !!el.closest('main'),
                id: el.id,
            });
        }
        """;

    /// <summary>Records every focusable element's box-shadow before anything has focus, so a shadow that was always there is not taken for a focus indicator.</summary>
    private const string RecordUnfocusedScript =
        """
        () => {
            window.__unfocusedShadows = new Map();
            for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex], label')) {
                window.__unfocusedShadows.set(el, getComputedStyle(el, el.matches('label') ? '::before' : null).boxShadow);
            }
        }
        """;

    [Fact]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content()
    {
        var strategyId = await StrategyIdAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.DepartmentHead);
        await page.GotoAsync($"/Plans/Dashboard/{strategyId}");

        await page.Keyboard.PressAsync("Tab");
        var first = await FocusedAsync(page);
        Assert.True(first is { IsSkipLink: true }, $"the first tab stop is {first?.Description ?? "nothing"}, not the skip link");
        Assert.True(first!.OnScreen && first.Indicated, $"the focused skip link must be visible with a focus indicator: {first.Style}");
        Assert.Contains("Gå til indhold", first.Description);

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", (await FocusedAsync(page))?.Id);
        await page.Keyboard.PressAsync("Tab");
        var next = await FocusedAsync(page);
        Assert.True(next is { InMain: true }, $"after the skip link, Tab went to {next?.Description ?? "nothing"} instead of into the main content");
    }

    [Fact]
    public async Task Every_tab_stop_shows_a_visible_focus_indicator()
    {
        var strategyId = await StrategyIdAsync();
        int milestoneId;
        await using (var db = browser.Site.CreateDbContext())
        {
            milestoneId = await db.Milestones.Where(m => m.StrategyId == strategyId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        }

        var problems = new List<string>();
        await using (var anonymous = await browser.NewContextAsync())
        {
            var page = await anonymous.NewPageAsync();
            await TabThroughAsync(page, "/Identity/Account/Login", problems);
        }

        await using var context = await browser.NewContextAsync();
        var signedIn = await context.NewPageAsync();
        await BrowserSite.SignInAsync(signedIn, DemoUsers.DepartmentHead);
        foreach (var url in (string[])[
            $"/Plans/Dashboard/{strategyId}",
            $"/Milestones?strategyId={strategyId}",
            $"/Milestones/Details/{milestoneId}",
            $"/Milestones/UpdateStatus/{milestoneId}",
            $"/Timeline?strategyId={strategyId}",
            $"/Calendar?strategyId={strategyId}&year=2024&month=12",
        ])
        {
            await TabThroughAsync(signedIn, url, problems);
        }

        Assert.True(problems.Count == 0, "Tab stops without a visible focus indicator:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Department_head_updates_a_milestone_status_from_the_dashboard_with_the_keyboard_alone()
    {
        const string comment = "Opdateret alene med tastaturet.";
        var strategyId = await StrategyIdAsync();
        Milestone milestone;
        await using (var db = browser.Site.CreateDbContext())
        {
            milestone = await db.Milestones.AsNoTracking()
                .Where(m => m.StrategyId == strategyId && m.Status == MilestoneStatus.Planned)
                .OrderBy(m => m.Id)
                .FirstAsync();
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = BrowserSite.WatchForProblems(page);
        await BrowserSite.SignInAsync(page, DemoUsers.DepartmentHead);
        await page.GotoAsync($"/Plans/Dashboard/{strategyId}");

        // From here on: keys only.
        await TabToAsync(page, "a", "Alle milepæle");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Milepæle");

        await TabToAsync(page, "a", milestone.Title);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(milestone.Title);

        await TabToAsync(page, "a", "Opdatér status");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Opdatér status: {milestone.Title}");

        // Status: Planlagt → I gang, with the arrow key on the closed select.
        await TabToAsync(page, "select", null, "Input_Status");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#Input_Status")).ToHaveValueAsync(nameof(MilestoneStatus.InProgress));

        await TabToAsync(page, "input", null, "Input_ProgressPercent");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("40");

        await TabToAsync(page, "textarea", null, "Input_Comment");
        await page.Keyboard.TypeAsync(comment);

        await TabToAsync(page, "button", "Gem status");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("I gang");

        await using (var db = browser.Site.CreateDbContext())
        {
            var saved = await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == milestone.Id);
            Assert.Equal((MilestoneStatus.InProgress, 40), (saved.Status, saved.ProgressPercent));
            var update = await db.MilestoneStatusUpdates.AsNoTracking().SingleAsync(u => u.MilestoneId == milestone.Id);
            Assert.Equal((MilestoneStatus.Planned, MilestoneStatus.InProgress, comment), (update.OldStatus, update.NewStatus, update.Comment));
        }

        Assert.True(problems.Count == 0, "The browser met errors on the way:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_timeline_chart_can_be_skipped_to_its_table()
    {
        var strategyId = await StrategyIdAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Staff);
        await page.GotoAsync($"/Timeline?strategyId={strategyId}");

        await TabToAsync(page, "a", "Spring tidslinjens milepæle over og gå til tabellen");
        var skip = await FocusedAsync(page);
        Assert.True(skip is { OnScreen: true, Indicated: true }, $"the focused skip link must be visible: {skip?.Style}");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        // The table is drawn when asked for: the next stop is the link that opens it, and the page it leads to has it open.
        Assert.Equal("<a> \"Vis tidslinjen som tabel\"", (await FocusedAsync(page))?.Description);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("details#timeline-table[open] table").First).ToBeVisibleAsync();
        await page.Locator("#timeline-table summary").FocusAsync();
        Assert.Equal("<summary> \"Tidslinjen som tabel\"", (await FocusedAsync(page))?.Description);
    }

    [Fact]
    public async Task A_refused_form_focuses_its_error_summary_whose_links_lead_to_the_fields()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");

        await TabToAsync(page, "button", "Log ind");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        var link = await FocusedAsync(page);
        Assert.True(link is { Indicated: true }, $"the summary's first link has no visible focus: {link?.Style}");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Input_Email")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#Input_Email")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    /// <summary>Presses Tab through the whole page from the top, noting each stop without a visible focus indicator.</summary>
    private async Task TabThroughAsync(IPage page, string url, List<string> problems)
    {
        await page.GotoAsync(url);
        await page.EvaluateAsync(RecordUnfocusedScript);
        var stops = 0;
        for (; stops < MaxTabStops; stops++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            if (focused is null || (stops > 0 && focused.IsSkipLink))
            {
                break;
            }

            if (!focused.Indicated || !focused.OnScreen)
            {
                problems.Add($"{url}, tab stop {stops + 1}: {focused.Description} ({(focused.OnScreen ? "" : "off screen; ")}{focused.Style})");
            }
        }

        Assert.True(stops < MaxTabStops, $"{url}: still tabbing after {MaxTabStops} stops");
        output.WriteLine($"{url}: {stops} tab stops");
    }

    /// <summary>Presses Tab until the focused element is the one wanted (by tag and text, or by id), as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string tag, string? text, string? id = null)
    {
        for (var i = 0; i < MaxTabStops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var found = await page.EvaluateAsync<bool>(
                "([tag, text, id]) => { const el = document.activeElement; return !!el && el.tagName.toLowerCase() === tag && (id === null || el.id === id) && (text === null || (el.innerText || '').trim() === text); }",
                new object?[] { tag, text, id });
            if (found)
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached <{tag}> {text ?? id} on {page.Url}");
    }

    private static async Task<FocusedElement?> FocusedAsync(IPage page) =>
        JsonSerializer.Deserialize<FocusedElement>(await page.EvaluateAsync<string>(FocusedElementScript), new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private async Task<int> StrategyIdAsync()
    {
        await using var db = browser.Site.CreateDbContext();
        return await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    private sealed record FocusedElement(string Description, bool Indicated, bool OnScreen, string Style, bool IsSkipLink, bool InMain, string Id);
}
