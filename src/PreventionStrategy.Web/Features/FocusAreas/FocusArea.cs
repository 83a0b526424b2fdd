using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.FocusAreas;

public sealed class FocusArea : Entity
{
    public int StrategyId { get; set; }

    public Strategy? Strategy { get; set; }

    /// <summary>Position in the strategy (1, 2, 3 ...); the plan refers to focus areas by number.</summary>
    public int SortOrder { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public string? Aims { get; set; }

    /// <summary>An administrator's status in place of <see cref="FocusAreaStatusRule"/>'s; null: the rule decides.</summary>
    public FocusAreaStatus? StatusOverride { get; set; }

    /// <summary>Why the rule's status is overridden; required with an override, shown beside it.</summary>
    public string? StatusOverrideJustification { get; set; }

    public string? StatusOverrideByName { get; set; }

    public DateTime? StatusOverrideAtUtc { get; set; }
}
