using System.Globalization;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// Indicator numbers and verdicts in words, in the reader's language: "138", "20,0 mio. kr.",
/// "42,5 %", "faldet 20 % siden 2016 (fra 172 til 138)". Hides small counts (<see cref="SmallNumbers"/>)
/// when told the reader may not see them.
/// </summary>
public sealed class IndicatorFormat(IStringLocalizer<SharedResource> localizer, Display show)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public string Value(IndicatorUnit unit, decimal value, bool seesSmallNumbers = true)
    {
        if (SmallNumbers.IsHidden(unit, value, seesSmallNumbers))
        {
            return localizer["Indicators.SmallNumber"];
        }

        return unit switch
        {
            IndicatorUnit.Dkk when Math.Abs(value) >= 1_000_000 => localizer["Indicators.Format.Millions", (value / 1_000_000).ToString("N1", Culture)],
            IndicatorUnit.Dkk => show.Amount((long)Math.Round(value)),
            IndicatorUnit.Percent => localizer["Indicators.Format.Percent", Number(value)],
            IndicatorUnit.PerThousandChildren => localizer["Indicators.Format.PerThousand", Number(value)],
            _ => Number(value),
        };
    }

    /// <summary>A difference between two figures: for shares in percentage points ("3,5 procentpoint"), else as a value.</summary>
    public string Difference(IndicatorUnit unit, decimal difference) => unit == IndicatorUnit.Percent
        ? localizer["Indicators.Format.Points", Number(difference)]
        : Value(unit, difference);

    /// <summary>A number as typed into forms and CSV files: the reader's decimal mark, no thousands separator, no rounding beyond four decimals.</summary>
    public static string Editable(decimal value) => Math.Round(value, 4).ToString("0.####", Culture);

    public static string Number(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("N0", Culture) : Math.Round(value, 2).ToString("#,##0.0#", Culture);

    /// <summary>A period as an axis label: "2023", "H1 2024", "K1 2024", "jan. 2024".</summary>
    public string ShortPeriod(PlannedTiming period) => period.Precision switch
    {
        TimingPrecision.Month => new DateOnly(period.Year, period.Period!.Value, 1).ToString("MMM yyyy", Culture),
        TimingPrecision.Quarter => localizer["Indicators.Format.QuarterShort", period.Period!.Value, period.Year],
        TimingPrecision.HalfYear => localizer["Indicators.Format.HalfYearShort", period.Period!.Value, period.Year],
        _ => period.Year.ToString(CultureInfo.InvariantCulture),
    };

    public string Verdict(IndicatorVerdict verdict) => localizer[$"IndicatorVerdict.{verdict}"];

    /// <summary>"Faldet 20 % siden 2016 (fra 172 til 138)"; null when there is nothing to compare or a figure is hidden.</summary>
    public string? Trend(IndicatorUnit unit, IndicatorAssessment assessment, bool seesSmallNumbers)
    {
        if (assessment.Latest is not { } latest || assessment.Reference is not { } reference || latest.Period.Equals(reference.Period))
        {
            return null;
        }

        if (SmallNumbers.IsHidden(unit, latest.Value, seesSmallNumbers) || SmallNumbers.IsHidden(unit, reference.Value, seesSmallNumbers))
        {
            return localizer["Indicators.Trend.Hidden"];
        }

        var since = show.Timing(reference.Period);
        var from = Value(unit, reference.Value);
        var to = Value(unit, latest.Value);
        if (latest.Value == reference.Value)
        {
            return localizer["Indicators.Trend.Unchanged", since, to];
        }

        var key = latest.Value < reference.Value ? "Indicators.Trend.Down" : "Indicators.Trend.Up";
        var change = assessment.PercentSinceReference is { } percent && unit is IndicatorUnit.Count or IndicatorUnit.Dkk
            ? localizer["Indicators.Format.Percent", Math.Abs(Math.Round(percent)).ToString("N0", Culture)].Value
            : Difference(unit, Math.Abs(latest.Value - reference.Value));
        return localizer[key, change, since, from, to];
    }

    /// <summary>"+3 (2 %)" or "−12"; null when there is no earlier figure or one is hidden.</summary>
    public string? Change(IndicatorUnit unit, decimal? change, decimal? percent, IndicatorPoint? from, IndicatorPoint? to, bool seesSmallNumbers)
    {
        if (change is not { } delta || from is null || to is null
            || SmallNumbers.IsHidden(unit, from.Value, seesSmallNumbers) || SmallNumbers.IsHidden(unit, to.Value, seesSmallNumbers))
        {
            return null;
        }

        var sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
        var text = sign + Difference(unit, Math.Abs(delta));
        return percent is { } p && unit is IndicatorUnit.Count or IndicatorUnit.Dkk
            ? string.Create(Culture, $"{text} ({sign}{Math.Abs(Math.Round(p)):N0} %)")
            : text;
    }

    /// <summary>"Mål 2026: højst 120" / "Mål 2026: 40-50 %" for the target an assessment used.</summary>
    public string? Expected(IndicatorUnit unit, DesiredDirection direction, ExpectedBand? band)
    {
        if (band is null)
        {
            return null;
        }

        var value = band.Low == band.High
            ? localizer[$"Indicators.Expected.{direction}", Value(unit, band.Low)].Value
            : localizer["Indicators.Expected.Band", Value(unit, band.Low), Value(unit, band.High)].Value;
        return band.Interpolated
            ? localizer["Indicators.Expected.Interpolated", value, band.TargetYear]
            : localizer["Indicators.Expected.Year", value, band.TargetYear];
    }
}
