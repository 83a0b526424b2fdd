using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Timeline;

/// <summary>The timeline page's SVG, parsed: lanes, periods, points, preconditions, zoom and filters.</summary>
public sealed class TimelinePageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_norddjurs_milestones_are_placed_in_their_focus_area_lanes_and_periods()
    {
        var ids = await IdsAsync();
        var staff = await site.ClientFor(DemoUsers.Staff);
        var page = await staff.GetDocumentAsync($"/Timeline?strategyId={site.Ids.Strategy}");
        var svg = page.QuerySelector("svg#timeline")!;
        var from = DateOnly.ParseExact(svg.GetAttribute("data-from")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dayWidth = double.Parse(svg.GetAttribute("data-day-width")!, CultureInfo.InvariantCulture);
        var labelWidth = double.Parse(svg.GetAttribute("data-label-width")!, CultureInfo.InvariantCulture);
        double X(DateOnly day) => labelWidth + ((day.DayNumber - from.DayNumber) * dayWidth);

        // "1. kvartal 2025" in focus area 3 only: a bar over the whole quarter.
        var taskForce = Items(svg, ids.TaskForce);
        var bar = Assert.Single(taskForce);
        Assert.Equal(ids.Lanes[3], bar.GetAttribute("data-lane"));
        Assert.Equal("bar", bar.GetAttribute("data-kind"));
        Assert.Equal("2025-01-01", bar.GetAttribute("data-start"));
        Assert.Equal("2025-03-31", bar.GetAttribute("data-end"));
        var rect = bar.QuerySelector("rect")!;
        Assert.Equal(X(new DateOnly(2025, 1, 1)), double.Parse(rect.GetAttribute("x")!, CultureInfo.InvariantCulture), 0.5);
        Assert.Equal(90 * dayWidth, double.Parse(rect.GetAttribute("width")!, CultureInfo.InvariantCulture), 0.5);

        // "13. december 2024", in all three focus areas: a point in each lane, on its day.
        var themeDay = Items(svg, ids.ThemeDay);
        Assert.Equal(ids.Lanes.Values.Order(), themeDay.Select(i => i.GetAttribute("data-lane")!).Order());
        Assert.All(themeDay, point =>
        {
            Assert.Equal("point", point.GetAttribute("data-kind"));
            Assert.Equal("2024-12-13", point.GetAttribute("data-start"));
            Assert.StartsWith($"M{(X(new DateOnly(2024, 12, 13)) - 7).ToString("0.#", CultureInfo.InvariantCulture)},", point.QuerySelector("path")!.GetAttribute("d"));
        });

        // The budget decision belongs to no focus area: its own lane, not lost.
        var budget = Assert.Single(Items(svg, ids.Budget));
        Assert.Equal(string.Empty, budget.GetAttribute("data-lane"));
        Assert.Equal("2024-07-01", budget.GetAttribute("data-start"));
        Assert.Equal("2024-12-31", budget.GetAttribute("data-end"));

        // The task force waits for the budget decision: an arrow from one to the other.
        Assert.NotNull(svg.QuerySelector($"path.timeline-arrow[data-from='{ids.Budget}'][data-to='{ids.TaskForce}']"));

        // Status in words too: the tooltip and the table alternative.
        // (Another test in this class may have set it at risk.)
        Assert.Matches("– (Planlagt|I risiko)$", bar.QuerySelector("title")!.TextContent);
        Assert.Contains("1. kvartal 2025", bar.QuerySelector("title")!.TextContent);
        // The table is drawn when asked for, through a plain link to the same page with the table opened.
        Assert.Null(page.QuerySelector("details.timeline-table"));
        var tableLink = page.QuerySelector("#timeline-table a")!.GetAttribute("href")!;
        Assert.Contains("table=true", tableLink);
        var withTable = await staff.GetDocumentAsync(tableLink);
        var table = withTable.QuerySelector("details.timeline-table[open]")!;
        Assert.Contains("Task force til udsatte unge", table.TextContent);
        Assert.Contains("13. december 2024", table.TextContent);
        Assert.Equal(withTable.QuerySelector("svg#timeline")!.OuterHtml, svg.OuterHtml);
    }

    [Theory]
    [InlineData("Month", "6")]
    [InlineData("Quarter", "2")]
    [InlineData("Year", "0.7")]
    public async Task Zoom_sets_the_scale_and_the_ticks(string zoom, string dayWidth)
    {
        var page = await (await site.ClientFor(DemoUsers.Staff)).GetDocumentAsync($"/Timeline?strategyId={site.Ids.Strategy}&zoom={zoom}");
        var svg = page.QuerySelector("svg#timeline")!;
        Assert.Equal(dayWidth, svg.GetAttribute("data-day-width"));
        var ticks = svg.QuerySelectorAll("text.timeline-tick-label").Select(t => t.TextContent).ToList();
        Assert.Contains(zoom switch { "Month" => "dec. 2024", "Quarter" => "K1 2025", _ => "2025" }, ticks);
    }

    [Fact]
    public async Task The_list_filters_apply_to_the_timeline()
    {
        var ids = await IdsAsync();
        await using (var db = site.CreateDbContext())
        {
            var taskForce = await db.Milestones.SingleAsync(m => m.Id == ids.TaskForce);
            taskForce.Status = MilestoneStatus.AtRisk;
            await db.SaveChangesAsync();
        }

        var page = await (await site.ClientFor(DemoUsers.Staff)).GetDocumentAsync($"/Timeline?strategyId={site.Ids.Strategy}&status=AtRisk");
        var items = page.QuerySelectorAll("svg#timeline g.timeline-item").ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("AtRisk", i.GetAttribute("data-status")));
        Assert.Contains(items, i => i.GetAttribute("data-milestone-id") == ids.TaskForce.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_bad_filter_value_is_ignored_not_fatal()
    {
        var response = await (await site.ClientFor(DemoUsers.Committee)).GetAsync($"/Timeline?strategyId={site.Ids.Strategy}&zoom=Decade&status=Nonsense&from=not-a-date");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static List<IElement> Items(IElement svg, int milestoneId) =>
        svg.QuerySelectorAll($"g.timeline-item[data-milestone-id='{milestoneId}']").ToList();

    private async Task<(int TaskForce, int ThemeDay, int Budget, Dictionary<int, string> Lanes)> IdsAsync()
    {
        await using var db = site.CreateDbContext();
        var strategyMilestones = db.Milestones.Where(m => m.StrategyId == site.Ids.Strategy);
        var lanes = await db.FocusAreas.Where(f => f.StrategyId == site.Ids.Strategy).ToDictionaryAsync(f => f.SortOrder, f => f.Id.ToString(CultureInfo.InvariantCulture));
        return (
            await strategyMilestones.Where(m => m.Title == "Task force til udsatte unge").Select(m => m.Id).SingleAsync(),
            await strategyMilestones.Where(m => m.Title == "Temadag om forankring af strategien").Select(m => m.Id).SingleAsync(),
            await strategyMilestones.Where(m => m.Title.StartsWith("Budgetskitse")).Select(m => m.Id).SingleAsync(),
            lanes);
    }
}
