using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// One status update of a milestone, kept for good: who said what, when, from which status to
/// which. The committee briefing's "what changed since the last briefing" is a query over these.
/// </summary>
public sealed class MilestoneStatusUpdate
{
    public int Id { get; set; }

    public int MilestoneId { get; set; }

    public Milestone? Milestone { get; set; }

    public string? UpdatedById { get; set; }

    public ApplicationUser? UpdatedBy { get; set; }

    /// <summary>The name at the time, so history still reads right after a user is renamed or removed.</summary>
    public required string UpdatedByName { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public MilestoneStatus OldStatus { get; set; }

    public MilestoneStatus NewStatus { get; set; }

    public int OldProgressPercent { get; set; }

    public int NewProgressPercent { get; set; }

    public DateOnly? OldForecastDate { get; set; }

    public DateOnly? NewForecastDate { get; set; }

    public string? Comment { get; set; }

    /// <summary>Why it is at risk, delayed or cancelled: the first part of the explanation those statuses require.</summary>
    public string? Reason { get; set; }

    /// <summary>What it means for the plan.</summary>
    public string? ConsequenceForPlan { get; set; }

    /// <summary>What it means for the children and families the strategy is for.</summary>
    public string? ConsequenceForFamilies { get; set; }

    public string? NextStep { get; set; }

    public DateOnly? NextStepDate { get; set; }

    public bool HasExplanation => Reason is not null;
}
