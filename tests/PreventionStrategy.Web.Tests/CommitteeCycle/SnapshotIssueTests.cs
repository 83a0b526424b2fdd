using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.CommitteeCycle;

/// <summary>Issuing a briefing for a meeting freezes the strategy once: one snapshot per meeting, however many issues race.</summary>
public sealed class SnapshotIssueTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Issuing_twice_at_once_and_again_later_leaves_one_snapshot_of_the_whole_strategy_for_the_meeting()
    {
        var (strategyId, committeeId) = await site.CommitteeAsync();
        var meetingDate = MilestoneTestData.DanishToday.AddDays(15);
        var meetingId = await site.MeetingAsync(committeeId, meetingDate);

        var issued = await Task.WhenAll(Task.Run(() => site.IssueAsync(strategyId, meetingId)), Task.Run(() => site.IssueAsync(strategyId, meetingId)));
        var later = await site.IssueAsync(strategyId, meetingId);

        // Two manual issues may both be stored (as versions 1 and 2) when they do not overlap; either way one snapshot.
        Assert.NotNull(later);
        Assert.Equal(issued.Count(b => b is not null) + 1, later.Version);
        await using var db = site.CreateDbContext();
        var snapshot = await db.StrategySnapshots.AsNoTracking().SingleAsync(s => s.CommitteeMeetingId == meetingId);
        var first = issued.Where(b => b is not null).OrderBy(b => b!.Version).First()!;
        Assert.Equal(1, first.Version);
        Assert.Equal(first.Id, snapshot.CommitteeBriefingId);
        Assert.Equal(meetingDate, snapshot.MeetingDate);
        Assert.Equal(SnapshotDocument.CurrentSchemaVersion, snapshot.SchemaVersion);

        // The document is the whole strategy: every milestone (archived ones flagged), focus areas, budget, indicator figures.
        var document = SnapshotDocument.Read(snapshot.Document);
        Assert.Equal(1, document.SchemaVersion);
        Assert.Equal(meetingId, document.MeetingId);
        Assert.Equal(await db.Milestones.IgnoreQueryFilters().CountAsync(m => m.StrategyId == strategyId), document.Milestones.Count);
        Assert.Equal(await db.FocusAreas.CountAsync(f => f.StrategyId == strategyId), document.FocusAreas.Count);
        Assert.Equal(await db.BudgetInitiatives.CountAsync(b => b.StrategyId == strategyId), document.BudgetInitiatives.Count);
        Assert.Equal(await db.IndicatorMeasurements.CountAsync(m => m.Indicator!.StrategyId == strategyId), document.IndicatorValues.Count);
        Assert.NotEmpty(document.IndicatorValues);
        Assert.Contains("\"schemaVersion\":1", snapshot.Document, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"", snapshot.Document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_servers_on_one_database_file_issuing_at_once_create_one_snapshot()
    {
        var (strategyId, committeeId) = await site.CommitteeAsync();
        var meetingId = await site.MeetingAsync(committeeId, MilestoneTestData.DanishToday.AddDays(25));
        await using var second = new SiteFactory(site.Folder);
        _ = second.Server;

        await Task.WhenAll(
            Task.Run(() => site.IssueAsync(strategyId, meetingId, $"auto:{strategyId}:{meetingId}")),
            Task.Run(() => second.IssueAsync(strategyId, meetingId, $"auto:{strategyId}:{meetingId}")),
            Task.Run(() => site.IssueAsync(strategyId, meetingId)),
            Task.Run(() => second.IssueAsync(strategyId, meetingId)));

        await using var db = site.CreateDbContext();
        Assert.Equal(1, await db.StrategySnapshots.CountAsync(s => s.CommitteeMeetingId == meetingId));
        Assert.True(await db.CommitteeBriefings.AnyAsync(b => b.CommitteeMeetingId == meetingId));
    }

    [Fact]
    public async Task A_briefing_for_no_meeting_makes_no_snapshot_and_a_snapshot_cannot_be_changed()
    {
        var (strategyId, committeeId) = await site.CommitteeAsync();
        await using var db = site.CreateDbContext();
        var before = await db.StrategySnapshots.CountAsync();

        Assert.NotNull(await site.IssueAsync(strategyId, null));
        Assert.Equal(before, await db.StrategySnapshots.CountAsync());

        var meetingId = await site.MeetingAsync(committeeId, MilestoneTestData.DanishToday.AddDays(50));
        Assert.NotNull(await site.IssueAsync(strategyId, meetingId));
        var snapshot = await db.StrategySnapshots.SingleAsync(s => s.CommitteeMeetingId == meetingId);
        snapshot.Document = "{}";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
