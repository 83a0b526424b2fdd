using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Milestones;

public sealed record StatusChange(
    int MilestoneId,
    string MilestoneTitle,
    DateTime UpdatedAtUtc,
    string UpdatedByName,
    MilestoneStatus OldStatus,
    MilestoneStatus NewStatus,
    int OldProgressPercent,
    int NewProgressPercent,
    DateOnly? OldForecastDate,
    DateOnly? NewForecastDate,
    string? Comment)
{
    public bool Completed => NewStatus == MilestoneStatus.Done && OldStatus != MilestoneStatus.Done;

    /// <summary>A status that turned into trouble: at risk, delayed or cancelled, from something else.</summary>
    public bool NewRisk => NewStatus is MilestoneStatus.AtRisk or MilestoneStatus.Delayed or MilestoneStatus.Cancelled && OldStatus != NewStatus;
}

/// <summary>What changed in a strategy since a moment: the committee briefing's "since the last briefing", as a query over the recorded updates.</summary>
public static class StatusHistory
{
    public static Task<List<StatusChange>> ChangesSinceAsync(AppDbContext db, int strategyId, DateTime sinceUtc, CancellationToken cancellationToken = default) =>
        db.MilestoneStatusUpdates.AsNoTracking()
            .Where(u => u.Milestone!.StrategyId == strategyId && u.UpdatedAtUtc > sinceUtc)
            .OrderBy(u => u.UpdatedAtUtc).ThenBy(u => u.Id)
            .Select(u => new StatusChange(
                u.MilestoneId,
                u.Milestone!.Title,
                u.UpdatedAtUtc,
                u.UpdatedByName,
                u.OldStatus,
                u.NewStatus,
                u.OldProgressPercent,
                u.NewProgressPercent,
                u.OldForecastDate,
                u.NewForecastDate,
                u.Comment))
            .ToListAsync(cancellationToken);
}
