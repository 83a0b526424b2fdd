namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>
/// What one plan file may hold. Far above any real plan (Norddjurs has 8 milestones and 11
/// stakeholders), and low enough that an import is checked and saved in seconds and the write
/// lock it takes is short: a file at every limit still fits in memory and in one transaction.
/// The depths bound the hierarchies, so nothing walks an arbitrarily long chain of user data.
/// Documented in FORMAT.md and the README.
/// </summary>
public static class PlanLimits
{
    public const int MaxStakeholders = 2_000;

    public const int MaxFocusAreas = 100;

    public const int MaxMilestones = 2_000;

    public const int MaxBudgetInitiatives = 500;

    public const int MaxKeyDates = 100;

    public const int MaxMeetings = 500;

    public const int MaxCommitteeMembers = 500;

    /// <summary>Per milestone.</summary>
    public const int MaxTasks = 100;

    /// <summary>Stakeholders linked to one milestone.</summary>
    public const int MaxMilestoneStakeholders = 500;

    /// <summary>Amounts of one budget initiative.</summary>
    public const int MaxAmounts = 50;

    /// <summary>Units above a stakeholder: a person in a team in a department in a division is 3.</summary>
    public const int MaxUnitDepth = 20;

    /// <summary>Milestones before a milestone in its chain of preconditions.</summary>
    public const int MaxPreconditionDepth = 100;

    /// <summary>Errors shown for one file; the rest are counted.</summary>
    public const int MaxErrorsShown = 50;
}
