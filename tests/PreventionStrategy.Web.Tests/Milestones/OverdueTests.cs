using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>
/// Overdue: open, and its forecast date (or else the last day of its planned period) has passed. A
/// quarter is overdue only after its last day, and it shows so everywhere a milestone is listed.
/// </summary>
public sealed class OverdueTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_milestone_in_the_current_quarter_is_not_overdue_one_in_the_previous_quarter_is_everywhere()
    {
        var s = MilestoneTestData.Unique();
        var leder = await site.UserIdAsync(DemoUsers.DepartmentHead);
        var today = MilestoneTestData.DanishToday;
        var current = await site.CreateMilestoneAsync($"Dette kvartal {s}", leder, MilestoneTestData.CurrentQuarter(), MilestoneStatus.InProgress);
        var previous = await site.CreateMilestoneAsync($"Sidste kvartal {s}", leder, MilestoneTestData.PreviousQuarter(), MilestoneStatus.InProgress);
        var postponed = await site.CreateMilestoneAsync($"Sidste kvartal, udskudt {s}", leder, MilestoneTestData.PreviousQuarter(), MilestoneStatus.Delayed, forecastDate: today.AddDays(20));
        var forecastPassed = await site.CreateMilestoneAsync($"Dette kvartal, forventet i går {s}", leder, MilestoneTestData.CurrentQuarter(), MilestoneStatus.InProgress, forecastDate: today.AddDays(-1));
        var done = await site.CreateMilestoneAsync($"Sidste kvartal, gennemført {s}", leder, MilestoneTestData.PreviousQuarter(), MilestoneStatus.Done, 100);
        var cancelled = await site.CreateMilestoneAsync($"Sidste kvartal, aflyst {s}", leder, MilestoneTestData.PreviousQuarter(), MilestoneStatus.Cancelled);
        var overdue = new[] { previous, forecastPassed };
        var notOverdue = new[] { current, postponed, done, cancelled };
        var client = await site.ClientFor(DemoUsers.Staff);

        // The milestone list.
        var list = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}");
        foreach (var id in overdue)
        {
            Assert.True(ShowsOverdue(list.RowOf(id)!), $"milestone {id} should show as overdue in the list");
        }

        foreach (var id in notOverdue)
        {
            Assert.False(ShowsOverdue(list.RowOf(id)!), $"milestone {id} should not show as overdue in the list");
        }

        Assert.Contains(QuarterLabel(MilestoneTestData.CurrentQuarter()), list.RowOf(current)!.Text());

        // The list's "overdue only" filter.
        var overdueOnly = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}&overdueOnly=true");
        Assert.All(overdue, id => Assert.NotNull(overdueOnly.RowOf(id)));
        Assert.All(notOverdue, id => Assert.Null(overdueOnly.RowOf(id)));

        // Each milestone's own page.
        foreach (var id in overdue)
        {
            Assert.True(DetailsShowsOverdue(await client.GetDocumentAsync($"/Milestones/Details/{id}")), $"milestone {id} page should say overdue");
        }

        foreach (var id in notOverdue)
        {
            Assert.False(DetailsShowsOverdue(await client.GetDocumentAsync($"/Milestones/Details/{id}")), $"milestone {id} page should not say overdue");
        }

        // The dashboard's overdue list.
        var dashboard = await client.GetDocumentAsync($"/Plans/Dashboard/{site.Ids.Strategy}");
        await using var db = site.CreateDbContext();
        var expectedCount = (await db.Milestones.AsNoTracking().Where(m => m.StrategyId == site.Ids.Strategy).ToListAsync()).Count(m => m.IsOverdue(today));
        Assert.Equal($"Overskredne milepæle ({expectedCount})", dashboard.QuerySelector("h2#overdue")!.Text());
        var overdueTable = dashboard.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent == "Overskredne milepæle");
        Assert.All(notOverdue, id => Assert.Null(overdueTable.RowOf(id)));
        if (expectedCount <= DashboardModel.ListLimit)
        {
            // The dashboard shows the first few (earliest) only; here all of them fit.
            Assert.All(overdue, id => Assert.NotNull(overdueTable.RowOf(id)));
        }

        // The owner's "Mine milepæle".
        var mine = await (await site.ClientFor(DemoUsers.DepartmentHead)).GetDocumentAsync("/Milestones/Mine");
        Assert.All(overdue, id => Assert.Equal("Overskredet", mine.RowOf(id)!.QuerySelector("td")!.Text()));
        Assert.All(notOverdue, id => Assert.NotEqual("Overskredet", mine.RowOf(id)!.QuerySelector("td")!.Text()));
    }

    [Theory]
    [InlineData(2026, 3, "2026-09-30", false)]
    [InlineData(2026, 3, "2026-10-01", true)]
    [InlineData(2026, 4, "2026-12-31", false)]
    [InlineData(2026, 4, "2027-01-01", true)]
    [InlineData(2024, 1, "2024-03-31", false)]
    [InlineData(2024, 1, "2024-04-01", true)]
    public void A_quarter_is_overdue_only_after_its_last_day(int year, int quarter, string today, bool overdue)
    {
        var timing = PlannedTiming.InQuarter(year, quarter);
        var milestone = new Milestone { Title = "Kvartal", Timing = timing, Status = MilestoneStatus.InProgress };
        var row = new MilestoneRow(1, 1, "Kvartal", MilestoneKind.Deliverable, timing, MilestoneStatus.InProgress, 0, null, null, null, null, 1, false);

        Assert.Equal(overdue, milestone.IsOverdue(DateOnly.Parse(today)));
        Assert.Equal(overdue, row.IsOverdue(DateOnly.Parse(today)));
    }

    private static bool ShowsOverdue(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("strong.overdue").Any(e => e.Text() == "Overskredet");

    private static bool DetailsShowsOverdue(IHtmlDocument page) =>
        page.QuerySelectorAll("main strong.overdue").Any(e => e.Text() == "Overskredet");

    private static string QuarterLabel(PlannedTiming quarter) => $"{quarter.Period}. kvartal {quarter.Year}";
}
