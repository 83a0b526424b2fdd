using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>A member of staff sees the plan in time: the timeline and the month calendar, in a real browser.</summary>
public sealed class TimelineAndCalendarTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Staff_member_opens_the_timeline_and_the_calendar_from_the_dashboard()
    {
        int strategyId;
        await using (var db = browser.Site.CreateDbContext())
        {
            strategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };

        await BrowserSite.SignInAsync(page, DemoUsers.Staff);

        await page.GotoAsync($"/Plans/Dashboard/{strategyId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tidslinje", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Tidslinje" })).ToBeVisibleAsync();
        var chart = page.GetByRole(AriaRole.Group, new() { Name = "Tidslinje for Forebyggende strategi for anbringelsesområdet" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var taskForce = chart.Locator("g.timeline-item").Filter(new() { HasText = "Task force til udsatte unge" });
        await Assertions.Expect(taskForce).ToHaveCountAsync(1);
        Assert.True((await taskForce.BoundingBoxAsync())!.Width > 50, "the quarter is drawn as a bar");

        // Zoom to months, then open the table alternative.
        await page.GetByRole(AriaRole.Link, new() { Name = "Måned", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("svg#timeline")).ToHaveAttributeAsync("data-day-width", "6");
        await page.GetByText("Tidslinjen som tabel").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "3. Færre anbringelser på Børne- og Ungehjem og/eller kombinationsanbringelser" })).ToBeVisibleAsync();

        // The calendar, in December 2024: the theme day on the 13th, in week 50.
        await page.GotoAsync($"/Calendar?strategyId={strategyId}&year=2024&month=12");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("December 2024");
        var week50 = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "50", Exact = true }) });
        await Assertions.Expect(week50).ToContainTextAsync("Temadag om forankring af strategien");
        await page.Locator("a[rel=next]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Januar 2025");

        Assert.Empty(problems);
    }
}
