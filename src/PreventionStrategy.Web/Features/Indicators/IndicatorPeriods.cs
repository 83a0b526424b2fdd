using System.Globalization;
using System.Text.RegularExpressions;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// Measurement periods use the milestones' precision model (<see cref="PlannedTiming"/>) and are
/// keyed the way Danmarks Statistik's Statistikbanken writes time: "2020", "2020H1", "2020K1", "2020M01".
/// </summary>
public static partial class IndicatorPeriods
{
    public static readonly IReadOnlyList<TimingPrecision> Frequencies = [TimingPrecision.Month, TimingPrecision.Quarter, TimingPrecision.HalfYear, TimingPrecision.Year];

    public static bool IsFrequency(TimingPrecision precision) => precision is not TimingPrecision.Day && Enum.IsDefined(precision);

    public static string Key(PlannedTiming period) => period.Precision switch
    {
        TimingPrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{period.Year}M{period.Period:00}"),
        TimingPrecision.Quarter => string.Create(CultureInfo.InvariantCulture, $"{period.Year}K{period.Period}"),
        TimingPrecision.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{period.Year}H{period.Period}"),
        TimingPrecision.Year => period.Year.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(period), "A measurement period is a month, quarter, half-year or year."),
    };

    /// <summary>
    /// Reads a Statistikbanken time code ("2020", "2020K1", "2020Q1", "2020H1", "2020M01", "2020M1"). The code
    /// must have the indicator's frequency; null when it is not a period of that frequency.
    /// </summary>
    public static PlannedTiming? Parse(string? code, TimingPrecision frequency)
    {
        var match = TimeCode().Match(code?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < PlannedTiming.MinYear or > PlannedTiming.MaxYear)
        {
            return null;
        }

        var letter = match.Groups["letter"].Success ? char.ToUpperInvariant(match.Groups["letter"].Value[0]) : (char?)null;
        var precision = letter switch
        {
            null => TimingPrecision.Year,
            'M' => TimingPrecision.Month,
            'K' or 'Q' => TimingPrecision.Quarter,
            'H' => TimingPrecision.HalfYear,
            _ => (TimingPrecision?)null,
        };
        if (precision != frequency)
        {
            return null;
        }

        if (precision == TimingPrecision.Year)
        {
            return PlannedTiming.InYear(year);
        }

        var period = int.Parse(match.Groups["period"].Value, CultureInfo.InvariantCulture);
        return period < 1 || period > PlannedTiming.MaxPeriod(precision.Value) ? null : PlannedTiming.Create(precision.Value, year, period, null);
    }

    /// <summary>The period of the given frequency that holds <paramref name="day"/>.</summary>
    public static PlannedTiming Containing(DateOnly day, TimingPrecision frequency) => frequency switch
    {
        TimingPrecision.Month => PlannedTiming.InMonth(day.Year, day.Month),
        TimingPrecision.Quarter => PlannedTiming.InQuarter(day.Year, ((day.Month - 1) / 3) + 1),
        TimingPrecision.HalfYear => PlannedTiming.InHalfYear(day.Year, day.Month <= 6 ? 1 : 2),
        _ => PlannedTiming.InYear(day.Year),
    };

    /// <summary>The last whole period that ended before <paramref name="day"/>: the one an owner can be asked to report.</summary>
    public static PlannedTiming LastEndedBefore(DateOnly day, TimingPrecision frequency) => Previous(Containing(day, frequency));

    /// <summary>A fresh instance: EF Core keeps an owned value per owner, so two rows may not share one.</summary>
    public static PlannedTiming Copy(PlannedTiming period) => PlannedTiming.Create(period.Precision, period.Year, period.Period, period.Date, period.StartTime, period.EndTime);

    public static PlannedTiming Previous(PlannedTiming period) => Containing(period.Start.AddDays(-1), period.Precision);

    public static PlannedTiming Next(PlannedTiming period) => Containing(period.End.AddDays(1), period.Precision);

    /// <summary>Periods from <paramref name="first"/> to <paramref name="last"/> inclusive, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<PlannedTiming> Range(PlannedTiming first, PlannedTiming last, int limit)
    {
        var periods = new List<PlannedTiming>();
        for (var period = first; period.Start <= last.Start && periods.Count < limit; period = Next(period))
        {
            periods.Add(period);
            if (period.End.Year >= PlannedTiming.MaxYear)
            {
                break;
            }
        }

        return periods;
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:(?<letter>[MmKkQqHh])(?<period>\d{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeCode();
}
