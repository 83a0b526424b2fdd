using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>A milestone as a share shows it: no description, no comments (they may name people), the owner only when names are allowed.</summary>
public sealed record ShareMilestone(int Id, string Title, PlannedTiming Timing, MilestoneStatus Status, int ProgressPercent, DateOnly ExpectedBy, string? OwnerName, IReadOnlyList<int> FocusAreaIds)
{
    public bool IsOverdue(DateOnly today) => Status is not (MilestoneStatus.Done or MilestoneStatus.Cancelled) && ExpectedBy < today;
}
