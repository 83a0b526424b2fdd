using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Milestones;

public sealed class MilestoneOptions
{
    public const string Section = "Milestones";

    /// <summary>An open milestone without a status update for this many weeks needs attention on "Mine milepæle".</summary>
    [Range(1, 52)]
    public int StaleAfterWeeks { get; set; } = 4;
}
