namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>The badge a milestone's status is shown as: the status partial and the milestone table's rows draw the same one.</summary>
public static class StatusBadge
{
    /// <summary>The badge's modifier class, <c>status-{this}</c> in the stylesheet.</summary>
    public static string CssClass(MilestoneStatus status) => status switch
    {
        MilestoneStatus.InProgress => "in-progress",
        MilestoneStatus.AtRisk => "at-risk",
        _ => status.ToString().ToLowerInvariant(),
    };
}
