using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Budget;

/// <summary>An initiative from a budget sketch that the strategy depends on.</summary>
public sealed class BudgetInitiative : Entity
{
    public int StrategyId { get; set; }

    public Strategy? Strategy { get; set; }

    /// <summary>The budget sketch it comes from, e.g. "Budgetskitse 2025-2028".</summary>
    public required string BudgetSketch { get; set; }

    public int SortOrder { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public BudgetDecisionState DecisionState { get; set; } = BudgetDecisionState.Proposed;

    public string? DecisionNote { get; set; }

    public List<BudgetAmount> Amounts { get; set; } = [];

    public List<FocusArea> FocusAreas { get; set; } = [];

    public List<Milestone> Milestones { get; set; } = [];
}

/// <summary>Whole kroner: stored as an integer so sums and sorting are exact on every provider.</summary>
public sealed class BudgetAmount
{
    public int Id { get; set; }

    public int BudgetInitiativeId { get; set; }

    public int Year { get; set; }

    public long AmountDkk { get; set; }
}

public enum BudgetDecisionState
{
    Proposed,
    UnderConsideration,
    Approved,
    PartlyApproved,
    Rejected,
    Postponed,
}
