using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Tests.Plans;

public sealed class PlannedTimingTests
{
    [Theory]
    [InlineData(TimingPrecision.Month, 2025, 2, "2025-02-01", "2025-02-28")]
    [InlineData(TimingPrecision.Month, 2024, 2, "2024-02-01", "2024-02-29")]
    [InlineData(TimingPrecision.Quarter, 2025, 1, "2025-01-01", "2025-03-31")]
    [InlineData(TimingPrecision.Quarter, 2025, 4, "2025-10-01", "2025-12-31")]
    [InlineData(TimingPrecision.HalfYear, 2025, 1, "2025-01-01", "2025-06-30")]
    [InlineData(TimingPrecision.HalfYear, 2024, 2, "2024-07-01", "2024-12-31")]
    [InlineData(TimingPrecision.Year, 2026, null, "2026-01-01", "2026-12-31")]
    public void A_period_runs_from_its_first_to_its_last_day(TimingPrecision precision, int year, int? period, string start, string end)
    {
        var timing = PlannedTiming.Create(precision, year, period, null);
        Assert.Equal(DateOnly.Parse(start), timing.Start);
        Assert.Equal(DateOnly.Parse(end), timing.End);
    }

    [Fact]
    public void A_quarter_has_passed_only_after_its_last_day()
    {
        var q1 = PlannedTiming.InQuarter(2025, 1);
        Assert.False(q1.HasPassed(new DateOnly(2025, 3, 31)));
        Assert.True(q1.HasPassed(new DateOnly(2025, 4, 1)));
    }

    [Theory]
    [InlineData(TimingPrecision.Quarter, 5)]
    [InlineData(TimingPrecision.Quarter, 0)]
    [InlineData(TimingPrecision.Month, 13)]
    [InlineData(TimingPrecision.HalfYear, 3)]
    public void A_period_number_outside_its_range_is_refused(TimingPrecision precision, int period) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PlannedTiming.Create(precision, 2025, period, null));

    [Fact]
    public void An_end_time_before_the_start_time_is_refused() =>
        Assert.Throws<ArgumentException>(() => PlannedTiming.OnDay(new DateOnly(2025, 2, 28), new TimeOnly(14, 0), new TimeOnly(9, 0)));
}
