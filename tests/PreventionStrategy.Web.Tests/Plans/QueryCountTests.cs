using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Plans;

/// <summary>A page's SQL count must not grow with the data: measured at 1x and at 50x the Norddjurs plan.</summary>
public sealed class QueryCountTests : IAsyncLifetime
{
    private readonly DemoSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Dashboard_list_and_detail_pages_issue_the_same_number_of_SQL_commands_at_50x_the_data()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        string[] urls =
        [
            $"/Plans/Dashboard/{site.Ids.Strategy}",
            $"/Milestones?strategyId={site.Ids.Strategy}",
            $"/Milestones?strategyId={site.Ids.Strategy}&sort=Owner&descending=true",
            $"/Milestones/Details/{site.Ids.Milestone}",
            $"/FocusAreas?strategyId={site.Ids.Strategy}",
            $"/FocusAreas/Details/{site.Ids.FocusArea}",
            $"/Timeline?strategyId={site.Ids.Strategy}",
            $"/Briefings?strategyId={site.Ids.Strategy}",
            $"/Indicators?strategyId={site.Ids.Strategy}",
            $"/Indicators/Details/{site.Ids.Indicator}",
            $"/Indicators/Measurements/{site.Ids.Indicator}",
            $"/CommitteeCycle/SinceLastMeeting/{site.Ids.Strategy}",
            $"/CommitteeCycle/Decisions/{site.Ids.Strategy}",
            "/",
        ];

        // A meeting's snapshot to compare with, and the demo's one open decision; 49 more decisions once the plan has grown.
        var (strategyId, committeeId) = await CommitteeCycle.CycleTestData.CommitteeAsync(site);
        var meetingId = await CommitteeCycle.CycleTestData.MeetingAsync(site, committeeId, Milestones.MilestoneTestData.DanishToday.AddDays(10));
        Assert.NotNull(await CommitteeCycle.CycleTestData.IssueAsync(site, strategyId, meetingId));

        var before = await site.SqlCommandsOfAsync(urls, url => client.GetDocumentAsync(url));
        Assert.All(before, page => Assert.True(page.Value > 0, $"{page.Key} counted no SQL: the counter is not attached"));
        await site.MultiplyPlanAsync(site.Ids.Strategy, 50);

        await using (var db = site.CreateDbContext())
        {
            Assert.True(db.Milestones.Count() >= 50 * 6, "the plan did not grow");
            var milestones = await db.Milestones.Where(m => m.StrategyId == strategyId).OrderBy(m => m.Id).Select(m => m.Id).Take(49).ToListAsync();
            db.CommitteeDecisions.AddRange(milestones.Select((m, i) => new PreventionStrategy.Web.Features.CommitteeCycle.CommitteeDecision
            {
                MilestoneId = m,
                Question = $"Beslutning {i}",
                CommitteeMeetingId = i % 2 == 0 ? meetingId : null,
                AskedByName = "Lars Leder",
                AskedAtUtc = DateTime.UtcNow,
                Answer = i % 3 == 0 ? PreventionStrategy.Web.Features.CommitteeCycle.DecisionAnswer.Approved : null,
                AnsweredByName = i % 3 == 0 ? "Anne Administrator" : null,
                AnsweredAtUtc = i % 3 == 0 ? DateTime.UtcNow : null,
            }));
            await db.SaveChangesAsync();
        }

        var after = await site.SqlCommandsOfAsync(urls, url => client.GetDocumentAsync(url));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_front_page_of_each_role_issues_the_same_number_of_SQL_commands_at_50x_the_data()
    {
        var roles = new[] { DemoUsers.DepartmentHead, DemoUsers.Staff, DemoUsers.Committee };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in roles)
        {
            clients[role] = await site.ClientFor(role);
        }

        // The role in the URL's fragment keeps the counts apart; the server never sees it.
        string[] urls = [.. roles.Select(r => "/#" + r), $"/Milestones/Mine#{DemoUsers.DepartmentHead}", $"/Plans/Dashboard/{site.Ids.Strategy}#{DemoUsers.DepartmentHead}"];
        Task Get(string url) => clients[url[(url.IndexOf('#') + 1)..]].GetDocumentAsync(url[..url.IndexOf('#')]);

        var before = await site.SqlCommandsOfAsync(urls, Get);
        Assert.All(before, page => Assert.True(page.Value > 0, $"{page.Key} counted no SQL: the counter is not attached"));
        await site.MultiplyPlanAsync(site.Ids.Strategy, 50);
        var after = await site.SqlCommandsOfAsync(urls, Get);
        Assert.Equal(before, after);
    }
}
