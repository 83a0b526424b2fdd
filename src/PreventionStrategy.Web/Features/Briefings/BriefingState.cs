using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// A milestone's state as the briefing reports it: its reported status, except that an open
/// milestone past its expected date is <see cref="Overdue"/> whatever was reported. The headline,
/// the status chart, the tables and the attention lists all use this one rule, so they never disagree.
/// </summary>
public enum BriefingState
{
    Planned,
    InProgress,
    AtRisk,
    Delayed,
    Overdue,
    Done,
    Cancelled,
}

public static class BriefingStates
{
    public static BriefingState Of(MilestoneStatus status, bool overdue) => overdue ? BriefingState.Overdue : status switch
    {
        MilestoneStatus.InProgress => BriefingState.InProgress,
        MilestoneStatus.AtRisk => BriefingState.AtRisk,
        MilestoneStatus.Delayed => BriefingState.Delayed,
        MilestoneStatus.Done => BriefingState.Done,
        MilestoneStatus.Cancelled => BriefingState.Cancelled,
        _ => BriefingState.Planned,
    };
}
