using System.Globalization;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>The Danish the emails are written in, whatever language the sender's browser used.</summary>
public static class DanishWords
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>"torsdag den 4. december 2026".</summary>
    public static string Day(DateOnly date) => date.ToString("dddd 'den' d. MMMM yyyy", Danish);

    /// <summary>"torsdag den 4. december 2026 kl. 09.00–15.30".</summary>
    public static string When(Milestone milestone) => When(milestone.Timing.Date!.Value, milestone.Timing.StartTime, milestone.Timing.EndTime);

    public static string When(DateOnly date, TimeOnly? startTime, TimeOnly? endTime) => (startTime, endTime) switch
    {
        ({ } start, { } end) => $"{Day(date)} kl. {Time(start)}–{Time(end)}",
        ({ } start, null) => $"{Day(date)} kl. {Time(start)}",
        _ => Day(date),
    };

    public static string Time(TimeOnly time) => time.ToString("HH.mm", Danish);

    /// <summary>"i morgen", "om 3 dage", "i dag".</summary>
    public static string InDays(int days) => days switch
    {
        0 => "i dag",
        1 => "i morgen",
        _ => $"om {days} dage",
    };
}
