using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Milestones;

public sealed class Milestone : Entity
{
    public int StrategyId { get; set; }

    public Strategy? Strategy { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public MilestoneKind Kind { get; set; }

    public required PlannedTiming Timing { get; set; }

    public string? Location { get; set; }

    public string? OwnerId { get; set; }

    public ApplicationUser? Owner { get; set; }

    public MilestoneStatus Status { get; set; } = MilestoneStatus.Planned;

    public int ProgressPercent { get; set; }

    public DateOnly? ForecastDate { get; set; }

    public DateOnly? CompletedOn { get; set; }

    /// <summary>A milestone that must be reached first (the task force starts only if the budget sketch is approved).</summary>
    public int? PreconditionId { get; set; }

    public Milestone? Precondition { get; set; }

    public string? PreconditionNote { get; set; }

    public List<FocusArea> FocusAreas { get; set; } = [];

    public List<MilestoneStakeholder> Stakeholders { get; set; } = [];

    public List<MilestoneTask> Tasks { get; set; } = [];

    public List<MilestoneStatusUpdate> StatusUpdates { get; set; } = [];

    /// <summary>Progress follows the share of tasks done instead of being typed in.</summary>
    public bool ProgressFromTasks { get; set; }

    /// <summary>When its status was last updated (or it was created): "no update for N weeks" is measured from here.</summary>
    public DateTime? LastStatusUpdateAtUtc { get; set; }

    /// <summary>A milestone with history is archived rather than deleted, so its history stays readable.</summary>
    public bool IsArchived { get; set; }

    /// <summary>Email reminders before the event: null follows the kind (on for mapping days, theme days and theme meetings).</summary>
    public bool? RemindersEnabled { get; set; }

    /// <summary>Days before the event that reminders go out, e.g. "14,3,1"; null uses the site's default.</summary>
    public string? ReminderDaysBefore { get; set; }

    /// <summary>
    /// Raised whenever the date, time or place changes, so calendar invitations already sent can be
    /// replaced by an update (same UID, higher SEQUENCE).
    /// </summary>
    public int EventSequence { get; set; }

    /// <summary>The day by which it is expected to happen: the forecast when one is given, else the end of the planned period.</summary>
    public DateOnly ExpectedBy => ForecastDate ?? Timing.End;

    public bool IsOpen => Status is not (MilestoneStatus.Done or MilestoneStatus.Cancelled);

    public bool IsOverdue(DateOnly today) => IsOpen && ExpectedBy < today;

    /// <summary>What a calendar invitation shows; a change to any part of it warrants an update to those invited.</summary>
    public (DateOnly? Date, TimeOnly? Start, TimeOnly? End, string? Location) EventDetails =>
        (Timing.Date, Timing.StartTime, Timing.EndTime, Location);
}

public enum MilestoneKind
{
    MappingDay,
    ThemeDay,
    ThemeMeeting,
    Launch,
    Deliverable,
    Decision,
    Other,
}

public enum MilestoneStatus
{
    Planned,
    InProgress,
    AtRisk,
    Delayed,
    Done,
    Cancelled,
}
