using System.Globalization;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>When a milestone's reminders fall due, in Danish time, and which one is due now.</summary>
public static class ReminderSchedule
{
    public const int MaxDaysBefore = 365;

    public const int MaxOffsets = 6;

    public static bool HasReminders(Milestone milestone, ReminderOptions options) =>
        milestone.Timing.Date is not null && (milestone.RemindersEnabled ?? options.KindsWithReminders.Contains(milestone.Kind));

    public static IReadOnlyList<int> DaysBefore(Milestone milestone, ReminderOptions options) =>
        TryParseDays(milestone.ReminderDaysBefore, out var days) && days.Count > 0 ? days : options.DaysBefore.Distinct().OrderDescending().ToList();

    /// <summary>The event's start in UTC: its start time, or the start of the day for an all-day event.</summary>
    public static DateTime EventStartUtc(DateOnly date, TimeOnly? startTime) =>
        ToUtc(date.ToDateTime(startTime ?? TimeOnly.MinValue));

    public static DateTime DueUtc(DateOnly eventDate, int daysBefore, ReminderOptions options) =>
        ToUtc(eventDate.AddDays(-daysBefore).ToDateTime(new TimeOnly(options.SendFromHour, 0)));

    /// <summary>
    /// The reminder due now: of those whose time has come, the one nearest the event. Earlier ones
    /// missed while the site was down are not sent late on top of it (one reminder, not three at
    /// once); nothing is due once the event has started.
    /// </summary>
    public static int? DueNow(DateOnly eventDate, TimeOnly? startTime, IReadOnlyList<int> daysBefore, DateTime nowUtc, ReminderOptions options)
    {
        if (nowUtc >= EventStartUtc(eventDate, startTime))
        {
            return null;
        }

        int? due = null;
        foreach (var days in daysBefore)
        {
            if (DueUtc(eventDate, days, options) <= nowUtc && (due is null || days < due))
            {
                due = days;
            }
        }

        return due;
    }

    /// <summary>"14, 3, 1" → [14, 3, 1]; false for anything that is not a short list of whole days within range.</summary>
    public static bool TryParseDays(string? text, out IReadOnlyList<int> days)
    {
        days = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parsed = new List<int>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day > MaxDaysBefore)
            {
                return false;
            }

            parsed.Add(day);
        }

        if (parsed.Distinct().Count() > MaxOffsets)
        {
            return false;
        }

        days = parsed.Distinct().OrderDescending().ToList();
        return true;
    }

    public static string Format(IEnumerable<int> days) => string.Join(", ", days);

    private static DateTime ToUtc(DateTime danishLocal)
    {
        var local = DateTime.SpecifyKind(danishLocal, DateTimeKind.Unspecified);

        // The hour skipped when summer time starts does not exist; the clock reads an hour later then.
        if (DanishTime.Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, DanishTime.Zone);
    }
}
