using System.Globalization;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Calendar;

/// <summary>A dated milestone, or the due date of one of a milestone's tasks, on a day of the month.</summary>
public sealed record CalendarItem(
    int MilestoneId,
    string MilestoneTitle,
    DateOnly Date,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    MilestoneStatus Status,
    string? TaskTitle = null,
    bool TaskDone = false,
    bool IsOverdue = false)
{
    public bool IsTask => TaskTitle is not null;
}

public sealed record CalendarDay(DateOnly Date, bool InMonth, bool IsToday, IReadOnlyList<CalendarItem> Items);

/// <summary>One row of the grid, Monday to Sunday; its ISO 8601 week number is the Danish "uge".</summary>
public sealed record CalendarWeek(int Number, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// A month as a calendar page: whole weeks from the Monday on or before the 1st to the Sunday on
/// or after the last day, the Danish way (Monday first, ISO week numbers, so 29 December 2025 is
/// in week 1). Days outside the month are shown empty; their items belong to their own month.
/// </summary>
public sealed class MonthGrid
{
    private MonthGrid(DateOnly first, IReadOnlyList<CalendarWeek> weeks)
    {
        First = first;
        Weeks = weeks;
    }

    public DateOnly First { get; }

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public IReadOnlyList<CalendarWeek> Weeks { get; }

    public IEnumerable<CalendarDay> DaysWithItems => Weeks.SelectMany(w => w.Days).Where(d => d.InMonth && d.Items.Count > 0);

    public static MonthGrid Build(int year, int month, DateOnly today, IEnumerable<CalendarItem> items)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var byDay = items.Where(i => i.Date >= first && i.Date <= last)
            .OrderBy(i => i.StartTime is null ? 0 : 1).ThenBy(i => i.StartTime).ThenBy(i => i.IsTask).ThenBy(i => i.MilestoneTitle, StringComparer.CurrentCulture)
            .ToLookup(i => i.Date);

        var weeks = new List<CalendarWeek>();
        for (var monday = MondayOnOrBefore(first); monday <= last; monday = monday.AddDays(7))
        {
            var days = Enumerable.Range(0, 7)
                .Select(offset => monday.AddDays(offset))
                .Select(day => new CalendarDay(day, day.Month == month, day == today, day.Month == month ? byDay[day].ToList() : []))
                .ToList();
            weeks.Add(new CalendarWeek(ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)), days));
        }

        return new MonthGrid(first, weeks);
    }

    /// <summary>Monday first: .NET counts Sunday as day 0.</summary>
    public static DateOnly MondayOnOrBefore(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
