using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

// The JSON plan format, version 1 (described field by field in FORMAT.md beside this file).
// Properties are written in declaration order, so the order here is the order in the file.
// "required" only tells C# callers what to fill in: the JSON reader does not enforce it (see
// PlanJson), because PlanImporter checks the whole document and reports every missing value at once.

/// <summary>One strategy, complete: the root of a plan file.</summary>
public sealed record PlanDocument
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required PlanStrategy Strategy { get; init; }

    public PlanCommittee? Committee { get; init; }

    public IReadOnlyList<PlanStakeholder> Stakeholders { get; init; } = [];

    public IReadOnlyList<PlanFocusArea> FocusAreas { get; init; } = [];

    public IReadOnlyList<PlanMilestone> Milestones { get; init; } = [];

    public IReadOnlyList<PlanBudgetInitiative> BudgetInitiatives { get; init; } = [];

    public IReadOnlyList<PlanIndicator> Indicators { get; init; } = [];

    /// <summary>The committee meetings' frozen snapshots, oldest first: history, kept through export and import.</summary>
    public IReadOnlyList<PlanSnapshot> Snapshots { get; init; } = [];
}

public sealed record PlanStrategy
{
    public required string Name { get; init; }

    public required string Municipality { get; init; }

    public required string Division { get; init; }

    public string? Purpose { get; init; }

    public StrategyStatus Status { get; init; } = StrategyStatus.Active;

    public IReadOnlyList<PlanKeyDate> KeyDates { get; init; } = [];
}

public sealed record PlanKeyDate
{
    public required string Label { get; init; }

    public required PlanTiming Timing { get; init; }
}

/// <summary>
/// A <see cref="PlannedTiming"/>: a day (date, optional start and end time), a month, quarter or
/// half-year (year + period) or a whole year.
/// </summary>
public sealed record PlanTiming
{
    /// <summary>Nullable only so that a missing value is reported instead of read as "day".</summary>
    public required TimingPrecision? Precision { get; init; }

    /// <summary>Required unless the precision is a day (then it is the date's year and may be left out).</summary>
    public int? Year { get; init; }

    /// <summary>Month 1-12, quarter 1-4 or half-year 1-2; absent for a day or a year.</summary>
    public int? Period { get; init; }

    public DateOnly? Date { get; init; }

    public TimeOnly? StartTime { get; init; }

    public TimeOnly? EndTime { get; init; }

    public static PlanTiming From(PlannedTiming timing) => new()
    {
        Precision = timing.Precision,
        Year = timing.Precision == TimingPrecision.Day ? null : timing.Year,
        Period = timing.Period,
        Date = timing.Date,
        StartTime = timing.StartTime,
        EndTime = timing.EndTime,
    };
}

public sealed record PlanCommittee
{
    public required string Name { get; init; }

    public required string Municipality { get; init; }

    public string? Description { get; init; }

    /// <summary>Keys of stakeholders in <see cref="PlanDocument.Stakeholders"/>.</summary>
    public IReadOnlyList<string> MemberKeys { get; init; } = [];

    public IReadOnlyList<PlanCommitteeMeeting> Meetings { get; init; } = [];
}

public sealed record PlanCommitteeMeeting
{
    public required DateOnly? Date { get; init; }

    public TimeOnly? StartTime { get; init; }

    public string? Location { get; init; }

    public required DateOnly? BriefingDeadline { get; init; }

    public string? Notes { get; init; }
}

public sealed record PlanStakeholder
{
    /// <summary>The name other parts of the document use for this stakeholder; unique among stakeholders.</summary>
    public required string Key { get; init; }

    public required StakeholderKind? Kind { get; init; }

    public required string Name { get; init; }

    public string? Title { get; init; }

    public string? Email { get; init; }

    public bool IsExternal { get; init; }

    public string? Description { get; init; }

    /// <summary>Key of the unit a person belongs to, or of a unit's parent unit.</summary>
    public string? UnitKey { get; init; }
}

public sealed record PlanFocusArea
{
    public required string Key { get; init; }

    public int Order { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public string? Aims { get; init; }
}

public sealed record PlanMilestone
{
    public required string Key { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required MilestoneKind? Kind { get; init; }

    public required PlanTiming Timing { get; init; }

    public string? Location { get; init; }

    /// <summary>Email of the user who owns the milestone; matched to an existing user on import.</summary>
    public string? OwnerEmail { get; init; }

    public MilestoneStatus Status { get; init; } = MilestoneStatus.Planned;

    public int ProgressPercent { get; init; }

    public DateOnly? ForecastDate { get; init; }

    public DateOnly? CompletedOn { get; init; }

    /// <summary>Key of a milestone in the same document that must be reached first.</summary>
    public string? PreconditionKey { get; init; }

    public string? PreconditionNote { get; init; }

    public IReadOnlyList<string> FocusAreaKeys { get; init; } = [];

    public IReadOnlyList<PlanMilestoneStakeholder> Stakeholders { get; init; } = [];

    public IReadOnlyList<PlanTask> Tasks { get; init; } = [];
}

public sealed record PlanMilestoneStakeholder
{
    public required string StakeholderKey { get; init; }

    public StakeholderRole Role { get; init; } = StakeholderRole.Participant;
}

public sealed record PlanTask
{
    public required string Title { get; init; }

    public string? OwnerEmail { get; init; }

    public DateOnly? DueDate { get; init; }

    public bool IsDone { get; init; }

    public DateOnly? DoneOn { get; init; }
}

public sealed record PlanBudgetInitiative
{
    /// <summary>The budget sketch it comes from, e.g. "Budgetskitse 2025-2028".</summary>
    public required string BudgetSketch { get; init; }

    public int Order { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public BudgetDecisionState DecisionState { get; init; } = BudgetDecisionState.Proposed;

    public string? DecisionNote { get; init; }

    public IReadOnlyList<PlanBudgetAmount> Amounts { get; init; } = [];

    public IReadOnlyList<string> FocusAreaKeys { get; init; } = [];

    public IReadOnlyList<string> MilestoneKeys { get; init; } = [];
}

/// <summary>Whole Danish kroner for one budget year.</summary>
public sealed record PlanBudgetAmount
{
    public int Year { get; init; }

    public long AmountDkk { get; init; }
}
