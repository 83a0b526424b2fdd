using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>What lists, dashboards and tables show of a milestone: a projection, never the tracked entity.</summary>
public sealed record MilestoneRow(
    int Id,
    int StrategyId,
    string Title,
    MilestoneKind Kind,
    PlannedTiming Timing,
    MilestoneStatus Status,
    int ProgressPercent,
    DateOnly? ForecastDate,
    string? OwnerName,
    string? OwnerId,
    int? OwnerUnitId,
    int Version,
    bool ProgressFromTasks)
{
    public IReadOnlyList<FocusAreaTag> FocusAreas { get; init; } = [];

    public bool IsOpen => Status is not (MilestoneStatus.Done or MilestoneStatus.Cancelled);

    public bool IsOverdue(DateOnly today) => IsOpen && (ForecastDate ?? Timing.End) < today;
}

public sealed record FocusAreaTag(int Id, int SortOrder, string Title);
