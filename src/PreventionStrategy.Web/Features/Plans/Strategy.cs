using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Plans;

public sealed class Strategy : Entity
{
    public required string Name { get; set; }

    public required string Municipality { get; set; }

    public required string Division { get; set; }

    public string? Purpose { get; set; }

    public StrategyStatus Status { get; set; } = StrategyStatus.Active;

    public int? CommitteeId { get; set; }

    public Committee? Committee { get; set; }

    public List<StrategyKeyDate> KeyDates { get; set; } = [];

    public List<FocusArea> FocusAreas { get; set; } = [];

    public List<Milestone> Milestones { get; set; } = [];

    public List<BudgetInitiative> BudgetInitiatives { get; set; } = [];
}

public enum StrategyStatus
{
    Draft,
    Active,
    Completed,
    Archived,
}

/// <summary>A dated event in the strategy's own history (proposal to the committee, start of an advisory process).</summary>
public sealed class StrategyKeyDate
{
    public int Id { get; set; }

    public int StrategyId { get; set; }

    public required string Label { get; set; }

    public required PlannedTiming Timing { get; set; }
}
