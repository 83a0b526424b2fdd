using System.Globalization;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Tests.Indicators;

/// <summary>The on-track rule, the small-number rule, periods and numbers: the documented rules, case by case.</summary>
public sealed class IndicatorRuleTests
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private static IndicatorPoint Year(int year, decimal value, bool final = true) => new(PlannedTiming.InYear(year), value, final);

    private static IndicatorAssessment Judge(DesiredDirection direction, IReadOnlyCollection<IndicatorTarget> targets, decimal? baseline, params IndicatorPoint[] series) =>
        IndicatorAssessment.Of(IndicatorKind.Target, direction, baseline, baseline is null ? null : PlannedTiming.InYear(2016), targets, series);

    [Theory]
    [InlineData(120, IndicatorVerdict.OnTrack)]
    [InlineData(125, IndicatorVerdict.Close)]
    [InlineData(126, IndicatorVerdict.Close)]
    [InlineData(127, IndicatorVerdict.OffTrack)]
    public void A_falling_target_is_met_at_or_below_it_and_close_within_five_percent(decimal latest, IndicatorVerdict expected)
    {
        var verdict = Judge(DesiredDirection.Down, [new IndicatorTarget { Year = 2024, Value = 120 }], 172, Year(2023, 130), Year(2024, latest)).Verdict;

        Assert.Equal(expected, verdict);
    }

    [Fact]
    public void A_rising_target_is_met_at_or_above_it()
    {
        IndicatorTarget[] targets = [new IndicatorTarget { Year = 2025, Value = 12 }];

        Assert.Equal(IndicatorVerdict.OnTrack, Judge(DesiredDirection.Up, targets, null, Year(2025, 12.4m)).Verdict);
        Assert.Equal(IndicatorVerdict.Close, Judge(DesiredDirection.Up, targets, null, Year(2025, 11.5m)).Verdict);
        Assert.Equal(IndicatorVerdict.OffTrack, Judge(DesiredDirection.Up, targets, null, Year(2025, 11)).Verdict);
    }

    [Fact]
    public void Between_baseline_and_a_later_target_the_expected_value_is_scaled_linearly()
    {
        // Baseline 200 at the end of 2016, target 100 at the end of 2026: halfway (end of 2021) expects about 150.
        var assessment = Judge(DesiredDirection.Down, [new IndicatorTarget { Year = 2026, Value = 100 }], 200, Year(2021, 149));

        Assert.True(assessment.Expected!.Interpolated);
        Assert.InRange(assessment.Expected.High, 149.9m, 150.1m);
        Assert.Equal(IndicatorVerdict.OnTrack, assessment.Verdict);
        Assert.Equal(IndicatorVerdict.OffTrack, Judge(DesiredDirection.Down, [new IndicatorTarget { Year = 2026, Value = 100 }], 200, Year(2021, 170)).Verdict);
    }

    [Fact]
    public void After_the_last_target_year_the_last_target_holds()
    {
        var assessment = Judge(DesiredDirection.Down, [new IndicatorTarget { Year = 2022, Value = 140 }, new IndicatorTarget { Year = 2024, Value = 120 }], null, Year(2026, 121));

        Assert.Equal(2024, assessment.Expected!.TargetYear);
        Assert.False(assessment.Expected.Interpolated);
        Assert.Equal(IndicatorVerdict.Close, assessment.Verdict);
    }

    [Theory]
    [InlineData(45, IndicatorVerdict.OnTrack)]
    [InlineData(40, IndicatorVerdict.OnTrack)]
    [InlineData(52, IndicatorVerdict.Close)]
    [InlineData(30, IndicatorVerdict.OffTrack)]
    public void A_band_is_met_inside_it(decimal latest, IndicatorVerdict expected)
    {
        var verdict = Judge(DesiredDirection.WithinBand, [new IndicatorTarget { Year = 2025, Low = 40, High = 50 }], null, Year(2025, latest)).Verdict;

        Assert.Equal(expected, verdict);
    }

    [Fact]
    public void A_watch_indicator_is_never_judged_even_when_it_falls_far()
    {
        var assessment = IndicatorAssessment.Of(IndicatorKind.Watch, DesiredDirection.Down, 172, PlannedTiming.InYear(2016), [new IndicatorTarget { Year = 2020, Value = 150 }], [Year(2016, 172), Year(2020, 138)]);

        Assert.Equal(IndicatorVerdict.Watched, assessment.Verdict);
        Assert.Equal(-34, assessment.ChangeSinceReference);
        Assert.InRange(assessment.PercentSinceReference!.Value, -19.8m, -19.7m);
    }

    [Fact]
    public void Without_targets_or_figures_there_is_no_verdict()
    {
        Assert.Equal(IndicatorVerdict.NoTarget, Judge(DesiredDirection.Down, [], 172, Year(2020, 138)).Verdict);
        Assert.Equal(IndicatorVerdict.NoData, Judge(DesiredDirection.Down, [new IndicatorTarget { Year = 2020, Value = 150 }], 172).Verdict);
    }

    [Fact]
    public void The_latest_and_previous_figures_are_found_whatever_the_order_given()
    {
        var assessment = Judge(DesiredDirection.Down, [], null, Year(2020, 138), Year(2016, 172), Year(2018, 150, final: false));

        Assert.Equal(2020, assessment.Latest!.Period.Year);
        Assert.Equal(2018, assessment.Previous!.Period.Year);
        Assert.Equal(2016, assessment.Reference!.Period.Year);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(4.5, true)]
    [InlineData(5, false)]
    [InlineData(0, false)]
    public void Counts_from_one_to_four_are_hidden_from_readers_who_are_not_administrators(decimal value, bool hidden)
    {
        Assert.Equal(hidden, SmallNumbers.IsHidden(IndicatorUnit.Count, value, viewerSeesSmallNumbers: false));
        Assert.False(SmallNumbers.IsHidden(IndicatorUnit.Count, value, viewerSeesSmallNumbers: true));
        Assert.False(SmallNumbers.IsHidden(IndicatorUnit.Dkk, value, viewerSeesSmallNumbers: false));
        Assert.False(SmallNumbers.IsHidden(IndicatorUnit.Percent, value, viewerSeesSmallNumbers: false));
    }

    [Theory]
    [InlineData("2020", TimingPrecision.Year, "2020")]
    [InlineData("2020K1", TimingPrecision.Quarter, "2020K1")]
    [InlineData("2020q4", TimingPrecision.Quarter, "2020K4")]
    [InlineData(" 2020H2 ", TimingPrecision.HalfYear, "2020H2")]
    [InlineData("2020M01", TimingPrecision.Month, "2020M01")]
    [InlineData("2020M7", TimingPrecision.Month, "2020M07")]
    public void Statistikbanken_time_codes_are_read_at_the_indicators_frequency(string code, TimingPrecision frequency, string key)
    {
        var period = IndicatorPeriods.Parse(code, frequency);

        Assert.NotNull(period);
        Assert.Equal(key, IndicatorPeriods.Key(period));
    }

    [Theory]
    [InlineData("2020K5", TimingPrecision.Quarter)]
    [InlineData("2020M13", TimingPrecision.Month)]
    [InlineData("2020K1", TimingPrecision.Year)]
    [InlineData("2020", TimingPrecision.Quarter)]
    [InlineData("1999", TimingPrecision.Year)]
    [InlineData("20201", TimingPrecision.Year)]
    [InlineData("", TimingPrecision.Year)]
    public void Time_codes_of_another_frequency_or_out_of_range_are_refused(string code, TimingPrecision frequency)
    {
        Assert.Null(IndicatorPeriods.Parse(code, frequency));
    }

    [Fact]
    public void The_period_an_owner_is_asked_for_is_the_last_one_ended_before_the_deadline()
    {
        Assert.Equal("2024K4", IndicatorPeriods.Key(IndicatorPeriods.LastEndedBefore(new DateOnly(2025, 3, 10), TimingPrecision.Quarter)));
        Assert.Equal("2024", IndicatorPeriods.Key(IndicatorPeriods.LastEndedBefore(new DateOnly(2025, 3, 10), TimingPrecision.Year)));
        Assert.Equal("2025M02", IndicatorPeriods.Key(IndicatorPeriods.LastEndedBefore(new DateOnly(2025, 3, 1), TimingPrecision.Month)));
    }

    [Theory]
    [InlineData("138", 138)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("42,5 %", 42.5)]
    [InlineData("20.000.000 kr.", 20000000)]
    [InlineData("−3", -3)]
    public void Numbers_are_read_as_Danes_write_them(string text, double expected)
    {
        Assert.True(IndicatorNumbers.TryParse(text, Danish, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("12.34.5")]
    [InlineData("abc")]
    [InlineData("1e309")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public void Ambiguous_or_impossible_numbers_are_refused(string text)
    {
        Assert.False(IndicatorNumbers.TryParse(text, Danish, out _));
    }
}
