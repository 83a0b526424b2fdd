using System.Globalization;
using Microsoft.Playwright;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>
/// The time views show lateness (issue 20): an overdue milestone carries a mark (shape) and the word on the
/// timeline and in the calendar, one that is not overdue does not; timeline labels never cross another item
/// or their own bar's edge, and lane names are wrapped, not cut.
/// </summary>
public sealed class OverdueMarkTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private readonly Screenshots screenshots = new(output, "OverdueMarks");

    private static DateOnly Today => MilestoneTestData.DanishToday;

    [Fact]
    public async Task Overdue_milestones_carry_the_overdue_mark_and_word_on_the_timeline_and_in_the_calendar()
    {
        var late = $"Forsinket temadag {MilestoneTestData.Unique()}";
        var coming = $"Kommende temadag {MilestoneTestData.Unique()}";
        var lateDay = Today.AddDays(-1);
        var lateId = await browser.Site.CreateMilestoneAsync(late, null, PlannedTiming.OnDay(lateDay), MilestoneStatus.InProgress, kind: MilestoneKind.ThemeDay);
        var comingDay = Today.AddDays(1);
        var comingId = await browser.Site.CreateMilestoneAsync(coming, null, PlannedTiming.OnDay(comingDay), MilestoneStatus.InProgress, kind: MilestoneKind.ThemeDay);
        var strategyId = await browser.Site.StrategyIdAsync();

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Staff);

        await page.GotoAsync($"/Timeline?strategyId={strategyId}&zoom=Month");
        var lateItem = page.Locator($"g.timeline-item[data-milestone-id='{lateId}']").First;
        await Assertions.Expect(lateItem).ToHaveAttributeAsync("data-overdue", "true");
        await Assertions.Expect(lateItem.Locator(".timeline-overdue-mark")).ToHaveCountAsync(1);
        await Assertions.Expect(lateItem.Locator("text")).ToContainTextAsync("Overskredet: " + late);
        var comingItem = page.Locator($"g.timeline-item[data-milestone-id='{comingId}']").First;
        await Assertions.Expect(comingItem.Locator(".timeline-overdue-mark")).ToHaveCountAsync(0);
        await Assertions.Expect(comingItem.Locator("text")).Not.ToContainTextAsync("Overskredet");
        await page.GotoAsync($"/Timeline?strategyId={strategyId}&zoom=Month&table=true");
        await Assertions.Expect(page.Locator("#timeline-table tr").Filter(new() { HasText = late }).Locator("strong.overdue")).ToHaveTextAsync("Overskredet");
        await screenshots.TakeAsync(page, "timeline-month");

        await page.GotoAsync($"/Calendar?strategyId={strategyId}&year={lateDay.Year}&month={lateDay.Month}");
        var lateEntry = page.Locator($"td.calendar-day[data-date='{Iso(lateDay)}'] li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = late, Exact = true }) });
        await Assertions.Expect(lateEntry.Locator("strong.overdue")).ToHaveTextAsync("Overskredet");
        await screenshots.TakeAsync(page, "calendar");
        await page.GotoAsync($"/Calendar?strategyId={strategyId}&year={comingDay.Year}&month={comingDay.Month}");
        var comingEntry = page.Locator($"td.calendar-day[data-date='{Iso(comingDay)}'] li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = coming, Exact = true }) });
        await Assertions.Expect(comingEntry).ToHaveCountAsync(1);
        await Assertions.Expect(comingEntry.Locator("strong.overdue")).ToHaveCountAsync(0);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Month")]
    [InlineData("Quarter")]
    [InlineData("Year")]
    public async Task Timeline_labels_never_cross_an_item_and_lane_names_wrap(string zoom)
    {
        var strategyId = await browser.Site.StrategyIdAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Staff);
        await page.GotoAsync($"/Timeline?strategyId={strategyId}&zoom={zoom}&from=2024-01-01&to=2025-12-31");
        await screenshots.TakeAsync(page, "timeline-" + zoom);

        // Every label against every drawn shape: another item's shape must not be touched at all, its own bar
        // either holds the whole label or none of it.
        var crossings = await page.EvaluateAsync<string[]>(
            """
            () => {
                const box = e => { const b = e.getBBox(); return { x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height }; };
                const overlap = (a, b) => a.x < b.r && b.x < a.r && a.y < b.b && b.y < a.b;
                const inside = (a, b) => a.x >= b.x && a.r <= b.r && a.y >= b.y && a.b <= b.b;
                const items = [...document.querySelectorAll('g.timeline-item')].map(g => ({
                    id: g.dataset.milestoneId, lane: g.dataset.lane,
                    label: box(g.querySelector('text')),
                    shapes: [...g.querySelectorAll('rect.timeline-bar, path.timeline-mark')].map(box),
                }));
                const problems = [];
                for (const item of items) {
                    for (const other of items) {
                        for (const shape of other.shapes) {
                            if (!overlap(item.label, shape)) continue;
                            if (other === item && inside(item.label, shape)) continue;
                            problems.push(`label of ${item.id} (lane ${item.lane}) crosses ${other === item ? 'its own bar edge' : 'item ' + other.id}`);
                        }
                    }
                }
                return problems;
            }
            """);
        Assert.True(crossings.Length == 0, string.Join("\n", crossings));

        // "3. Færre anbringelser på Børne- og Ungehjem og/eller kombinationsanbringelser": whole, over several lines.
        var laneLines = await page.Locator("text.timeline-lane-label").EvaluateAllAsync<string[]>("labels => labels.map(l => [...l.querySelectorAll('tspan')].map(t => t.textContent).join(' '))");
        Assert.Contains(laneLines, l => l.StartsWith("3. Færre anbringelser", StringComparison.Ordinal) && l.EndsWith("kombinationsanbringelser", StringComparison.Ordinal));
        Assert.DoesNotContain(laneLines, l => l.Contains('…', StringComparison.Ordinal));
    }
}
