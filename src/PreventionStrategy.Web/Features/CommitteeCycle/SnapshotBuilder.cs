using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>
/// Builds the <see cref="SnapshotDocument"/> of a strategy as it stands now, in six queries whatever its size:
/// what is frozen when a briefing is issued, and "the current plan" a stored snapshot is compared with.
/// Archived milestones are included (flagged), so a comparison can say a milestone was archived.
/// </summary>
public sealed class SnapshotBuilder(AppDbContext db, TimeProvider clock)
{
    public async Task<SnapshotDocument> BuildAsync(int strategyId, int? meetingId, CancellationToken cancellationToken)
    {
        var strategyName = await db.Strategies.AsNoTracking().Where(s => s.Id == strategyId).Select(s => s.Name).SingleAsync(cancellationToken);
        var meetingDate = meetingId is { } id
            ? await db.CommitteeMeetings.AsNoTracking().Where(m => m.Id == id).Select(m => (DateOnly?)m.MeetingDate).SingleOrDefaultAsync(cancellationToken)
            : null;

        var areas = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == strategyId)
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.SortOrder, f.Title })
            .ToListAsync(cancellationToken);

        var milestones = await db.Milestones.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.StrategyId == strategyId)
            .OrderBy(m => m.Timing.Start).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.Title,
                FocusAreaIds = m.FocusAreas.Select(f => f.Id).ToList(),
                OwnerName = m.Owner != null ? m.Owner.FullName : null,
                m.Timing,
                m.Status,
                m.ProgressPercent,
                m.ForecastDate,
                m.IsArchived,
                LatestComment = m.StatusUpdates
                    .Where(u => (u.Comment != null && u.Comment != string.Empty) || u.Reason != null)
                    .OrderByDescending(u => u.UpdatedAtUtc).ThenByDescending(u => u.Id)
                    .Select(u => u.Comment != null && u.Comment != string.Empty ? u.Comment : u.Reason)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var budget = await db.BudgetInitiatives.AsNoTracking()
            .Where(b => b.StrategyId == strategyId)
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => new SnapshotBudgetInitiative(b.Id, b.Title, b.DecisionState, b.DecisionNote))
            .ToListAsync(cancellationToken);

        var indicatorValues = await db.IndicatorMeasurements.AsNoTracking()
            .Where(v => v.Indicator!.StrategyId == strategyId)
            .OrderBy(v => v.IndicatorId).ThenBy(v => v.PeriodKey)
            .Select(v => new SnapshotIndicatorValue(v.IndicatorId, v.Indicator!.Name, v.PeriodKey, v.Total, v.IsFinal))
            .ToListAsync(cancellationToken);

        var decisions = await db.CommitteeDecisions.AsNoTracking()
            .Where(d => d.Milestone!.StrategyId == strategyId && d.Answer == null)
            .OrderBy(d => d.AskedAtUtc).ThenBy(d => d.Id)
            .Select(d => new SnapshotDecision(d.Id, d.MilestoneId, d.Question, d.CommitteeMeeting != null ? d.CommitteeMeeting.MeetingDate : null, d.Answer, d.AnswerNote))
            .ToListAsync(cancellationToken);

        return new SnapshotDocument
        {
            StrategyId = strategyId,
            StrategyName = strategyName,
            MeetingId = meetingId,
            MeetingDate = meetingDate,
            TakenAtUtc = clock.GetUtcNow().UtcDateTime,
            FocusAreas = areas.Select((f, i) => new SnapshotFocusArea(f.Id, f.SortOrder > 0 ? f.SortOrder : i + 1, f.Title)).ToList(),
            Milestones = milestones.Select(m => new SnapshotMilestone(
                m.Id, m.Title, m.FocusAreaIds, m.OwnerName, SnapshotTiming.From(m.Timing), m.Status, m.ProgressPercent, m.ForecastDate, m.LatestComment, m.IsArchived)).ToList(),
            BudgetInitiatives = budget,
            IndicatorValues = indicatorValues,
            Decisions = decisions,
        };
    }
}
