using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>"Mine milepæle": the department head's and their unit's milestones, what needs attention first.</summary>
public sealed class MyMilestonesTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Url = "/Milestones/Mine";

    [Fact]
    public async Task Mine_lists_own_and_unit_milestones_overdue_first_then_at_risk_then_stale_then_the_rest()
    {
        var s = MilestoneTestData.Unique();
        var unit = await site.CreateUnitAsync($"Familieafdelingen {s}");
        var otherUnit = await site.CreateUnitAsync($"Ungeafdelingen {s}");
        var email = $"mine-{s}@demo.local";
        var me = await site.CreateUserAsync(email, "Mona Mine", Roles.DepartmentHead, unit);
        var colleague = await site.CreateUserAsync($"kollega-{s}@demo.local", "Kim Kollega", Roles.DepartmentHead, unit);
        var stranger = await site.CreateUserAsync($"fremmed-{s}@demo.local", "Frede Fremmed", Roles.DepartmentHead, otherUnit);
        var now = DateTime.UtcNow;
        var today = MilestoneTestData.DanishToday;
        var future = MilestoneTestData.NextYearQuarter();

        // Made in a shuffled order, so the page's order is its own doing.
        var fine = await site.CreateMilestoneAsync($"F Alt vel {s}", me, future, MilestoneStatus.InProgress, lastStatusUpdateAtUtc: now.AddDays(-3));
        var stale = await site.CreateMilestoneAsync($"E Glemt {s}", me, future, MilestoneStatus.InProgress, lastStatusUpdateAtUtc: now.AddDays(-29));
        var delayed = await site.CreateMilestoneAsync($"D Forsinket {s}", me, future, MilestoneStatus.Delayed, forecastDate: future.End.AddDays(30), lastStatusUpdateAtUtc: now.AddDays(-1));
        var overdue = await site.CreateMilestoneAsync($"A Overskredet {s}", colleague, MilestoneTestData.PreviousQuarter(), MilestoneStatus.InProgress, lastStatusUpdateAtUtc: now.AddDays(-1));
        var done = await site.CreateMilestoneAsync($"G Gennemført {s}", me, MilestoneTestData.PreviousQuarter(), MilestoneStatus.Done, 100, lastStatusUpdateAtUtc: now.AddDays(-60));
        var atRisk = await site.CreateMilestoneAsync($"C I risiko {s}", colleague, future, MilestoneStatus.AtRisk, lastStatusUpdateAtUtc: now.AddDays(-1));
        var overdueByForecast = await site.CreateMilestoneAsync($"B Forventet i går {s}", me, future, MilestoneStatus.AtRisk, forecastDate: today.AddDays(-1), lastStatusUpdateAtUtc: now.AddDays(-1));
        var strangers = await site.CreateMilestoneAsync($"X Anden enhed {s}", stranger, MilestoneTestData.PreviousQuarter(), MilestoneStatus.AtRisk);
        var nobodys = await site.CreateMilestoneAsync($"Y Uden ansvarlig {s}", null, MilestoneTestData.PreviousQuarter());
        var client = await site.SignedInClientAsync(email);

        var page = await client.GetDocumentAsync(Url);

        var rows = page.QuerySelectorAll("main table tbody tr").ToList();
        var ids = rows.Select(r => int.Parse(r.QuerySelector("a[href^='/Milestones/Details/']")!.GetAttribute("href")!.Split('/').Last())).ToList();
        // Overdue by the day expected (the quarter ended before yesterday's forecast), then at risk or delayed, then stale, then the rest; closed last.
        Assert.Equal([overdue, overdueByForecast, atRisk, delayed, stale, fine, done], ids);
        Assert.Equal(
            ["Overskredet", "Overskredet", "I risiko eller forsinket", "I risiko eller forsinket", "Ingen opdatering i 4 uger", "", ""],
            rows.Select(r => r.QuerySelector("td")!.Text()));

        // Nothing of another unit, nobody's, or the demo department head's (who has no unit).
        Assert.DoesNotContain(strangers, ids);
        Assert.DoesNotContain(nobodys, ids);
        await using var db = site.CreateDbContext();
        var ledersIds = await db.Milestones.Where(m => m.Owner!.Email == DemoUsers.DepartmentHead).Select(m => m.Id).ToListAsync();
        Assert.NotEmpty(ledersIds);
        Assert.Empty(ids.Intersect(ledersIds));

        // Each row has the quick form, which comes back here.
        var quick = rows[1].QuerySelector($"form[action='/Milestones/UpdateStatus/{overdueByForecast}'] input[name=ReturnUrl]");
        Assert.Equal(Url, quick!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_demo_department_head_sees_exactly_the_milestones_they_own()
    {
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        await using var db = site.CreateDbContext();
        var owned = await db.Milestones.Where(m => m.Owner!.Email == DemoUsers.DepartmentHead).Select(m => m.Id).OrderBy(id => id).ToListAsync();

        var page = await client.GetDocumentAsync(Url);

        var ids = page.QuerySelectorAll("main table tbody tr a[href^='/Milestones/Details/']")
            .Select(a => int.Parse(a.GetAttribute("href")!.Split('/').Last())).OrderBy(id => id).ToList();
        Assert.Equal(owned, ids);
        Assert.Equal("Mine milepæle", page.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task A_quick_update_from_mine_returns_to_mine()
    {
        var s = MilestoneTestData.Unique();
        var email = $"hurtig-mine-{s}@demo.local";
        var me = await site.CreateUserAsync(email, "Hanne Hurtig", Roles.DepartmentHead, null);
        var id = await site.CreateMilestoneAsync($"Min egen {s}", me);
        var client = await site.SignedInClientAsync(email);

        // Delayed needs an explanation: the quick form leads to the full form, which returns here once saved.
        var quick = await client.SubmitAsync(Url, new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.Delayed),
            ["Input.Comment"] = "Venter på budget.",
        }, $"form[action='/Milestones/UpdateStatus/{id}']");
        Assert.Equal(HttpStatusCode.OK, quick.StatusCode);
        var response = await client.SubmitFormAsync(await quick.ParseAsync(), $"/Milestones/UpdateStatus/{id}", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Leverandøren har meldt forsinkelse.",
            ["Input.ConsequenceForPlan"] = "Fokusområde 2 starter senere.",
            ["Input.ConsequenceForFamilies"] = "Familierne venter længere på tilbuddet.",
            ["Input.NextStep"] = "Ny leverandør indhentes.",
            ["Input.NextStepDate"] = "2027-02-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url, response.Headers.Location!.OriginalString);
        var after = await site.MilestoneAsync(id);
        Assert.Equal(MilestoneStatus.Delayed, after.Status);
        Assert.Equal("Hanne Hurtig", Assert.Single(after.StatusUpdates).UpdatedByName);
        var mine = await client.GetDocumentAsync(Url);
        Assert.Equal("I risiko eller forsinket", mine.RowOf(id)!.QuerySelector("td")!.Text());
    }
}
