using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Calendars;

/// <summary>The month view: the Danish calendar page of a strategy's dated milestones and tasks due.</summary>
public sealed class MonthViewTests(DemoSite site) : IClassFixture<DemoSite>
{
    private string MonthUrl(int year, int month) => $"/Calendar?strategyId={site.Ids.Strategy}&year={year}&month={month}";

    [Fact]
    public async Task December_2024_shows_the_Norddjurs_theme_day_on_the_13th_with_its_status_in_words()
    {
        var client = await site.ClientFor(DemoUsers.Staff);
        var page = await client.GetDocumentAsync(MonthUrl(2024, 12));

        var day = page.QuerySelector("table.calendar-month td[data-date='2024-12-13']")!;
        var link = day.QuerySelectorAll("a").Single(a => a.Text() == "Temadag om forankring af strategien");
        await using var db = site.CreateDbContext();
        var id = await db.Milestones.Where(m => m.Title == "Temadag om forankring af strategien").Select(m => m.Id).SingleAsync();
        Assert.Equal($"/Milestones/Details/{id}", link.GetAttribute("href"));
        Assert.Contains("Planlagt", day.Text());

        // Friday, in ISO week 50.
        var row = day.ParentElement!;
        Assert.Equal("50", row.QuerySelector("th[scope=row]")!.Text());
        var column = row.Children.ToList().IndexOf(day);
        Assert.Equal("fredag", page.QuerySelectorAll("table.calendar-month thead th")[column].Text());

        // The list alternative says the same.
        var listed = page.QuerySelector(".calendar-list li[data-date='2024-12-13']")!;
        Assert.Contains("fredag 13. december 2024", listed.Text());
        Assert.Contains(listed.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Milestones/Details/{id}");
    }

    [Fact]
    public async Task Weeks_are_numbered_the_Danish_way_with_Monday_first_and_week_1_across_the_new_year()
    {
        var client = await site.ClientFor(DemoUsers.Committee);

        var december = await client.GetDocumentAsync(MonthUrl(2024, 12));
        Assert.Equal(["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"], december.QuerySelectorAll("table.calendar-month thead th[scope=col]").Skip(1).Select(th => th.Text()));
        Assert.Equal(["48", "49", "50", "51", "52", "1"], WeekNumbers(december));
        Assert.StartsWith("December 2024", december.QuerySelector("table.calendar-month caption")!.Text());

        // 30 December 2024 is a Monday in week 1 of 2025; 1 January 2021 a Friday in week 53 of 2020.
        Assert.Equal("1", december.QuerySelectorAll("table.calendar-month tbody tr").Last().QuerySelector("th")!.Text());
        var january2021 = await client.GetDocumentAsync(MonthUrl(2021, 1));
        Assert.Equal(["53", "1", "2", "3", "4"], WeekNumbers(january2021));
    }

    [Fact]
    public async Task A_task_due_date_appears_on_its_day_with_a_link_to_its_milestone()
    {
        var suffix = MilestoneTestData.Unique();
        var milestoneId = await site.CreateMilestoneAsync($"Milepæl med opgave {suffix}", ownerId: null);
        await using (var db = site.CreateDbContext())
        {
            db.MilestoneTasks.Add(new MilestoneTask { MilestoneId = milestoneId, Title = $"Skriv udkast {suffix}", DueDate = new DateOnly(2027, 3, 10) });
            await db.SaveChangesAsync();
        }

        var page = await (await site.ClientFor(DemoUsers.Staff)).GetDocumentAsync(MonthUrl(2027, 3));

        var day = page.QuerySelector("table.calendar-month td[data-date='2027-03-10']")!;
        Assert.Contains($"Skriv udkast {suffix}", day.Text());
        Assert.Contains(day.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Milestones/Details/{milestoneId}");
    }

    [Fact]
    public async Task Without_a_month_the_view_opens_on_this_month_with_today_marked()
    {
        var page = await (await site.ClientFor(DemoUsers.DepartmentHead)).GetDocumentAsync("/Calendar");

        var today = MilestoneTestData.DanishToday;
        var marked = page.QuerySelectorAll("table.calendar-month td[aria-current=date]").Single();
        Assert.Equal(today.ToString("yyyy-MM-dd"), marked.GetAttribute("data-date"));
        var previous = today.AddMonths(-1);
        Assert.Contains(page.QuerySelectorAll("a[rel=prev]"), a => a.GetAttribute("href") == $"/Calendar?strategyId={site.Ids.Strategy}&year={previous.Year}&month={previous.Month}");
    }

    [Fact]
    public async Task Every_signed_in_role_can_open_the_calendar_and_its_subscriptions()
    {
        foreach (var email in DemoUsers.All)
        {
            var client = await site.ClientFor(email);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(MonthUrl(2025, 2))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Calendar/Subscriptions")).StatusCode);
        }
    }

    [Theory]
    [InlineData("/Calendar")]
    [InlineData("/Calendar?year=2024&month=12")]
    [InlineData("/Calendar/Subscriptions")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string url)
    {
        using var anonymous = site.CreateBrowserlessClient();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("year=2024&month=13")]
    [InlineData("year=1999&month=5")]
    [InlineData("year=2024")]
    public async Task A_month_that_does_not_exist_gives_404(string query)
    {
        var client = await site.ClientFor(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Calendar?strategyId={site.Ids.Strategy}&{query}")).StatusCode);
    }

    private static List<string> WeekNumbers(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table.calendar-month tbody th[scope=row]").Select(th => th.Text()).ToList();
}
