using System.ComponentModel.DataAnnotations;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Reminders;

public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";

    /// <summary>How often the reminder job looks for due messages.</summary>
    [Range(1, 59)]
    public int IntervalMinutes { get; set; } = 5;

    /// <summary>Days before an event that reminders go out, unless a milestone says otherwise.</summary>
    public int[] DaysBefore { get; set; } = [14, 3, 1];

    /// <summary>Milestone kinds that get reminders unless a milestone switches them off.</summary>
    public MilestoneKind[] KindsWithReminders { get; set; } = [MilestoneKind.MappingDay, MilestoneKind.ThemeDay, MilestoneKind.ThemeMeeting];

    /// <summary>Danish local hour from which a day's messages go out: nobody wants a reminder at five past midnight.</summary>
    [Range(0, 23)]
    public int SendFromHour { get; set; } = 7;

    /// <summary>Days before a committee meeting's briefing deadline that owners are asked to update their milestones.</summary>
    [Range(2, 60)]
    public int UpdateRequestDaysBeforeDeadline { get; set; } = 7;

    /// <summary>Attempts before a message that keeps failing temporarily is given up.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait after the first temporary failure; it doubles with each further attempt.</summary>
    [Range(1, 3600)]
    public int RetryDelaySeconds { get; set; } = 60;

    /// <summary>
    /// Messages claimed at a time. Small, because a run that dies holds at most this many until
    /// its claim is released; the SMTP connection stays open from one claim to the next.
    /// </summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 25;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DaysBefore.Length == 0 || DaysBefore.Any(d => d is < 0 or > ReminderSchedule.MaxDaysBefore))
        {
            yield return new ValidationResult($"Reminders:DaysBefore needs one or more whole days between 0 and {ReminderSchedule.MaxDaysBefore}.", [nameof(DaysBefore)]);
        }
    }
}
