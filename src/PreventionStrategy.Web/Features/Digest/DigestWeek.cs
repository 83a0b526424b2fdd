using System.Globalization;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Digest;

/// <summary>The ISO week a digest belongs to, and the moment in it (Danish time) from which it is due.</summary>
public static class DigestWeek
{
    /// <summary>"2026-W49": one digest per person per ISO week (a week that starts in one year and ends in the next has one name).</summary>
    public static string Name(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";

    /// <summary>The send moment of the week holding <paramref name="danishNow"/>, in UTC.</summary>
    public static DateTime DueUtc(DateTime danishNow, DigestOptions options)
    {
        var day = DateOnly.FromDateTime(danishNow);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var sendDay = monday.AddDays(((int)options.Day + 6) % 7);
        var local = sendDay.ToDateTime(new TimeOnly(options.Hour, 0));
        return TimeZoneInfo.ConvertTimeToUtc(DanishTime.Zone.IsInvalidTime(local) ? local.AddHours(1) : local, DanishTime.Zone);
    }
}
