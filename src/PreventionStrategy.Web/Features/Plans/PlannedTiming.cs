namespace PreventionStrategy.Web.Features.Plans;

public enum TimingPrecision
{
    Day,
    Month,
    Quarter,
    HalfYear,
    Year,
}

/// <summary>
/// When something is planned, at the precision the plan states it: "13. december 2024",
/// "1. kvartal 2025", "1. halvår 2025". <see cref="Start"/> and <see cref="End"/> are the first
/// and last day of the period; they are stored so that sorting and period filters run in SQL on
/// any provider, and a quarter counts as passed only after its last day.
/// </summary>
public sealed class PlannedTiming : IEquatable<PlannedTiming>
{
    private PlannedTiming()
    {
    }

    public TimingPrecision Precision { get; private set; }

    public int Year { get; private set; }

    /// <summary>Month (1-12), quarter (1-4) or half-year (1-2); null for a day or a whole year.</summary>
    public int? Period { get; private set; }

    public DateOnly? Date { get; private set; }

    public TimeOnly? StartTime { get; private set; }

    public TimeOnly? EndTime { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly End { get; private set; }

    public const int MinYear = 2000;

    public const int MaxYear = 2100;

    public static PlannedTiming OnDay(DateOnly date, TimeOnly? startTime = null, TimeOnly? endTime = null)
    {
        if (date.Year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date));
        }

        if (endTime is not null && (startTime is null || endTime <= startTime))
        {
            throw new ArgumentException("The end time must come after the start time.", nameof(endTime));
        }

        return new PlannedTiming
        {
            Precision = TimingPrecision.Day,
            Year = date.Year,
            Date = date,
            StartTime = startTime,
            EndTime = endTime,
            Start = date,
            End = date,
        };
    }

    public static PlannedTiming InMonth(int year, int month) => InPeriod(TimingPrecision.Month, year, month, 12, 1);

    public static PlannedTiming InQuarter(int year, int quarter) => InPeriod(TimingPrecision.Quarter, year, quarter, 4, 3);

    public static PlannedTiming InHalfYear(int year, int half) => InPeriod(TimingPrecision.HalfYear, year, half, 2, 6);

    public static PlannedTiming InYear(int year)
    {
        CheckYear(year);
        return new PlannedTiming
        {
            Precision = TimingPrecision.Year,
            Year = year,
            Start = new DateOnly(year, 1, 1),
            End = new DateOnly(year, 12, 31),
        };
    }

    public static PlannedTiming Create(TimingPrecision precision, int year, int? period, DateOnly? date, TimeOnly? startTime = null, TimeOnly? endTime = null) =>
        precision switch
        {
            TimingPrecision.Day => OnDay(date ?? throw new ArgumentNullException(nameof(date)), startTime, endTime),
            TimingPrecision.Month => InMonth(year, period ?? throw new ArgumentNullException(nameof(period))),
            TimingPrecision.Quarter => InQuarter(year, period ?? throw new ArgumentNullException(nameof(period))),
            TimingPrecision.HalfYear => InHalfYear(year, period ?? throw new ArgumentNullException(nameof(period))),
            TimingPrecision.Year => InYear(year),
            _ => throw new ArgumentOutOfRangeException(nameof(precision)),
        };

    /// <summary>Highest valid <see cref="Period"/> for a precision, or 0 where it takes none.</summary>
    public static int MaxPeriod(TimingPrecision precision) => precision switch
    {
        TimingPrecision.Month => 12,
        TimingPrecision.Quarter => 4,
        TimingPrecision.HalfYear => 2,
        _ => 0,
    };

    public bool HasPassed(DateOnly today) => End < today;

    public bool Equals(PlannedTiming? other) =>
        other is not null
        && Precision == other.Precision
        && Year == other.Year
        && Period == other.Period
        && Date == other.Date
        && StartTime == other.StartTime
        && EndTime == other.EndTime;

    public override bool Equals(object? obj) => Equals(obj as PlannedTiming);

    public override int GetHashCode() => HashCode.Combine(Precision, Year, Period, Date, StartTime, EndTime);

    private static PlannedTiming InPeriod(TimingPrecision precision, int year, int period, int periods, int monthsPerPeriod)
    {
        CheckYear(year);
        if (period < 1 || period > periods)
        {
            throw new ArgumentOutOfRangeException(nameof(period));
        }

        var start = new DateOnly(year, ((period - 1) * monthsPerPeriod) + 1, 1);
        return new PlannedTiming
        {
            Precision = precision,
            Year = year,
            Period = period,
            Start = start,
            End = start.AddMonths(monthsPerPeriod).AddDays(-1),
        };
    }

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year));
        }
    }
}
