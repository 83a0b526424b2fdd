using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The briefing's parts that come from the committee cycle: the decisions asked of the committee, and "changes"
/// as the difference from the snapshot the committee saw at its previous meeting (when there is one).
/// </summary>
public sealed class BriefingCommitteeCycle(AppDbContext db, SnapshotBuilder snapshots, Display display, TimeProvider clock)
{
    private readonly BriefingWording wording = new(display);

    /// <summary>
    /// Open decisions, then those answered since the strategy's last briefing issued for another meeting:
    /// an answer is told in exactly the first briefing after it was recorded.
    /// </summary>
    public async Task<IReadOnlyList<BriefingDecision>> DecisionsAsync(int strategyId, int? meetingId, CancellationToken ct)
    {
        var previousIssue = await db.CommitteeBriefings.AsNoTracking()
            .Where(b => b.StrategyId == strategyId && b.CommitteeMeetingId != meetingId)
            .MaxAsync(b => (DateTime?)b.IssuedAtUtc, ct);
        var rows = await DecisionQueries.Of(db, strategyId)
            .Where(d => d.Answer == null || previousIssue == null || d.AnsweredAtUtc > previousIssue)
            .ToRows()
            .ToListAsync(ct);
        return rows
            .OrderBy(d => d.Answer is null ? 0 : 1).ThenBy(d => d.MeetingDate).ThenBy(d => d.AskedAtUtc).ThenBy(d => d.Id)
            .Select(d => new BriefingDecision(
                d.MilestoneId,
                d.MilestoneTitle,
                d.OwnerName,
                d.Question,
                d.MeetingDate is { } date ? display.Date(date) : null,
                d.Answer is { } answer ? DecisionWording.Answer(answer) : null,
                d.AnswerNote))
            .ToList();
    }

    /// <summary>
    /// "Changes" against the snapshot of the committee's latest earlier meeting; null when no such snapshot
    /// exists, and the history-based list stands.
    /// </summary>
    public async Task<BriefingChanges?> ChangesAsync(int strategyId, int? meetingId, DateOnly referenceDate, CancellationToken ct)
    {
        var previous = await db.StrategySnapshots.AsNoTracking()
            .Where(s => s.StrategyId == strategyId && s.MeetingDate < referenceDate && (meetingId == null || s.CommitteeMeetingId != meetingId))
            .OrderByDescending(s => s.MeetingDate).ThenByDescending(s => s.Id)
            .Select(s => new { s.MeetingDate, s.TakenAtUtc, s.Document })
            .FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return null;
        }

        var current = await snapshots.BuildAsync(strategyId, meetingId, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // The snapshots say what changed, not when: a milestone's change is dated by its latest update since the
        // earlier snapshot (one query for all), anything else by the moment of this comparison.
        var since = previous.TakenAtUtc;
        var updatedAt = (await db.MilestoneStatusUpdates.AsNoTracking()
                .Where(u => u.Milestone!.StrategyId == strategyId && u.UpdatedAtUtc > since && u.UpdatedAtUtc <= now)
                .GroupBy(u => u.MilestoneId)
                .Select(g => new { MilestoneId = g.Key, At = g.Max(u => u.UpdatedAtUtc) })
                .ToListAsync(ct))
            .ToDictionary(u => u.MilestoneId, u => u.At);
        var items = SnapshotComparison.Compare(SnapshotDocument.Read(previous.Document), current)
            .Select(c => ToBriefing(c, DanishTime.FromUtc(c.MilestoneId is { } id && updatedAt.TryGetValue(id, out var at) ? at : now)))
            .ToList();
        return new BriefingChanges(previous.TakenAtUtc, wording.SinceMeeting(previous.MeetingDate), items);
    }

    private BriefingChange ToBriefing(SnapshotChange c, DateTime at)
    {
        var kind = c.Kind switch
        {
            SnapshotChangeKind.Completed => BriefingChangeKind.Completed,
            SnapshotChangeKind.NewlyAtRisk => BriefingChangeKind.NewRisk,
            SnapshotChangeKind.NewlyDelayed => BriefingChangeKind.Delayed,
            SnapshotChangeKind.Moved => BriefingChangeKind.Moved,
            SnapshotChangeKind.Added => BriefingChangeKind.Added,
            SnapshotChangeKind.Cancelled => BriefingChangeKind.Cancelled,
            SnapshotChangeKind.Archived => BriefingChangeKind.Archived,
            _ => BriefingChangeKind.BudgetDecisionChanged,
        };
        var text = c.Kind switch
        {
            SnapshotChangeKind.Moved when c.OldTiming != c.NewTiming && (c.OldTiming!.Start != c.NewTiming!.Start || c.OldTiming.End != c.NewTiming.End)
                => wording.Moved(c.OldTiming.ToTiming(), c.NewTiming.ToTiming()),
            SnapshotChangeKind.Moved => c.NewForecast is { } forecast ? wording.ForecastMoved(c.OldForecast, forecast) : "Prognose fjernet",
            SnapshotChangeKind.Added => wording.Added(c.NewTiming!.ToTiming()),
            SnapshotChangeKind.Archived => wording.Archived,
            SnapshotChangeKind.BudgetDecisionChanged => wording.BudgetDecision(c.OldDecision!.Value, c.NewDecision!.Value),
            _ => wording.StatusChange(c.OldStatus!.Value, c.NewStatus!.Value),
        };
        return new BriefingChange(kind, wording.ChangeKind(kind), c.Title, c.Kind == SnapshotChangeKind.Archived, at, display.DateTime(at), text, c.OwnerName ?? string.Empty, c.Comment);
    }
}
