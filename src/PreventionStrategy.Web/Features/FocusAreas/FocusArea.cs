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
}
