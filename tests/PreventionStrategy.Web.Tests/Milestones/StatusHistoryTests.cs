using System.Net;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>"What changed since the last briefing" as a query over the kept status updates.</summary>
public sealed class StatusHistoryTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task ChangesSince_returns_exactly_the_updates_after_the_moment_in_order_with_completed_and_new_risk_flags()
    {
        var s = MilestoneTestData.Unique();

        // A strategy of its own, so other tests' updates cannot get in; and a second one whose updates must stay out.
        int strategyId, otherStrategyId, first, second, elsewhere;
        await using (var db = site.CreateDbContext())
        {
            var strategy = new Strategy { Name = $"Briefing {s}", Municipality = "Testkommune", Division = "Børn og familie" };
            var other = new Strategy { Name = $"Anden strategi {s}", Municipality = "Testkommune", Division = "Ældre" };
            db.Strategies.AddRange(strategy, other);
            await db.SaveChangesAsync();
            strategyId = strategy.Id;
            otherStrategyId = other.Id;
            first = await AddMilestoneAsync(db, strategyId, $"Første {s}");
            second = await AddMilestoneAsync(db, strategyId, $"Anden {s}");
            elsewhere = await AddMilestoneAsync(db, otherStrategyId, $"Et andet sted {s}");
        }

        var briefing = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = site.CreateDbContext())
        {
            // Inserted out of time order on purpose.
            await AddAsync(db, second, briefing.AddDays(3), MilestoneStatus.AtRisk, MilestoneStatus.Done, "Nået alligevel");
            await AddAsync(db, first, briefing.AddDays(-1), MilestoneStatus.Planned, MilestoneStatus.InProgress, "Før briefingen");
            await AddAsync(db, first, briefing, MilestoneStatus.InProgress, MilestoneStatus.InProgress, "Præcis ved briefingen");
            await AddAsync(db, first, briefing.AddDays(1), MilestoneStatus.InProgress, MilestoneStatus.AtRisk, "Mangler folk");
            await AddAsync(db, second, briefing.AddDays(2), MilestoneStatus.Planned, MilestoneStatus.AtRisk, "Budget usikkert");
            await AddAsync(db, first, briefing.AddDays(2), MilestoneStatus.AtRisk, MilestoneStatus.AtRisk, "Stadig i risiko");
            await AddAsync(db, first, briefing.AddDays(4), MilestoneStatus.AtRisk, MilestoneStatus.Cancelled, "Droppet");
            await AddAsync(db, second, briefing.AddDays(5), MilestoneStatus.Done, MilestoneStatus.Done, "Rapport vedlagt");
            await AddAsync(db, elsewhere, briefing.AddDays(1), MilestoneStatus.Planned, MilestoneStatus.Delayed, "Anden strategi");
        }

        await using var query = site.CreateDbContext();
        var changes = await StatusHistory.ChangesSinceAsync(query, strategyId, briefing);

        Assert.Equal(
            [
                (first, "Mangler folk", false, true),
                (second, "Budget usikkert", false, true),
                (first, "Stadig i risiko", false, false),
                (second, "Nået alligevel", true, false),
                (first, "Droppet", false, true),
                (second, "Rapport vedlagt", false, false),
            ],
            changes.Select(c => (c.MilestoneId, c.Comment!, c.Completed, c.NewRisk)));

        // Ties on time keep the order they were saved in; the milestone's title and the author come along.
        var atTheSameTime = changes.Where(c => c.UpdatedAtUtc == briefing.AddDays(2)).Select(c => c.Comment).ToList();
        Assert.Equal(["Budget usikkert", "Stadig i risiko"], atTheSameTime);
        Assert.All(changes, c => Assert.Equal("Birte Briefing", c.UpdatedByName));
        Assert.Equal($"Første {s}", changes[0].MilestoneTitle);
        Assert.Equal(MilestoneStatus.InProgress, changes[0].OldStatus);
        Assert.Equal(MilestoneStatus.AtRisk, changes[0].NewStatus);
        Assert.Equal(10, changes[0].OldProgressPercent);
        Assert.Equal(20, changes[0].NewProgressPercent);

        // After the last update there is nothing new; the other strategy has only its own.
        Assert.Empty(await StatusHistory.ChangesSinceAsync(query, strategyId, briefing.AddDays(5)));
        Assert.Equal("Anden strategi", Assert.Single(await StatusHistory.ChangesSinceAsync(query, otherStrategyId, briefing)).Comment);
    }

    [Fact]
    public async Task ChangesSince_sees_updates_made_through_the_site_after_the_moment_and_not_before()
    {
        var id = await site.CreateMilestoneAsync($"Briefing via siden {MilestoneTestData.Unique()}", await site.UserIdAsync(DemoUsers.DepartmentHead));
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var url = $"/Milestones/UpdateStatus/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = nameof(MilestoneStatus.InProgress), ["Input.Comment"] = "Før" })).StatusCode);
        await Task.Delay(20);
        var lastBriefing = DateTime.UtcNow;
        await Task.Delay(20);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(MilestoneStatus.Delayed),
            ["Input.Comment"] = "Efter: venter på leverandør",
            ["Input.Reason"] = "Leverandøren mangler.",
            ["Input.ConsequenceForPlan"] = "Senere start.",
            ["Input.ConsequenceForFamilies"] = "Tilbuddet kommer senere.",
            ["Input.NextStep"] = "Ny leverandør.",
            ["Input.NextStepDate"] = "2027-02-01",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = nameof(MilestoneStatus.Done) })).StatusCode);

        await using var db = site.CreateDbContext();
        var changes = (await StatusHistory.ChangesSinceAsync(db, site.Ids.Strategy, lastBriefing)).Where(c => c.MilestoneId == id).ToList();

        Assert.Equal(2, changes.Count);
        Assert.Equal((MilestoneStatus.InProgress, MilestoneStatus.Delayed, "Efter: venter på leverandør", false, true), (changes[0].OldStatus, changes[0].NewStatus, changes[0].Comment, changes[0].Completed, changes[0].NewRisk));
        Assert.Equal((MilestoneStatus.Delayed, MilestoneStatus.Done, (string?)null, true, false), (changes[1].OldStatus, changes[1].NewStatus, changes[1].Comment, changes[1].Completed, changes[1].NewRisk));
        Assert.All(changes, c => Assert.Equal("Lars Leder", c.UpdatedByName));
        Assert.True(changes[0].UpdatedAtUtc <= changes[1].UpdatedAtUtc);
        Assert.Equal(100, changes[1].NewProgressPercent);
    }

    private static async Task<int> AddMilestoneAsync(PreventionStrategy.Web.Data.AppDbContext db, int strategyId, string title)
    {
        var milestone = new Milestone { StrategyId = strategyId, Title = title, Timing = PlannedTiming.InQuarter(2026, 2) };
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
    }

    /// <summary>Saves one update at a time, so ids follow the order of the calls.</summary>
    private static async Task AddAsync(PreventionStrategy.Web.Data.AppDbContext db, int milestoneId, DateTime atUtc, MilestoneStatus from, MilestoneStatus to, string comment)
    {
        db.MilestoneStatusUpdates.Add(new MilestoneStatusUpdate
        {
            MilestoneId = milestoneId,
            UpdatedByName = "Birte Briefing",
            UpdatedAtUtc = atUtc,
            OldStatus = from,
            NewStatus = to,
            OldProgressPercent = 10,
            NewProgressPercent = to == MilestoneStatus.Done ? 100 : 20,
            Comment = comment,
        });
        await db.SaveChangesAsync();
    }
}
