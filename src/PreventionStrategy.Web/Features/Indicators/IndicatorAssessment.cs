using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

public enum IndicatorVerdict
{
    OnTrack,
    Close,
    OffTrack,
    NoTarget,
    NoData,

    /// <summary>A watch indicator: followed, never judged good or bad for moving.</summary>
    Watched,
}

/// <summary>One period's figure as the assessment sees it.</summary>
public sealed record IndicatorPoint(PlannedTiming Period, decimal Value, bool IsFinal);

/// <summary>The band an indicator should be in at a given time; a point target is a band of width zero.</summary>
public sealed record ExpectedBand(decimal Low, decimal High, int TargetYear, bool Interpolated);

/// <summary>
/// The on-track rule, in one place (the README's "Er vi på sporet?" describes it):
/// <list type="number">
/// <item>Only target indicators get a verdict; watch indicators are <see cref="IndicatorVerdict.Watched"/>.</item>
/// <item>The latest measured period is judged, preliminary or final.</item>
/// <item>The target it is judged against is the one for that period's year. Without one, the next later target
/// is used, scaled linearly from the baseline (at the end of its period) to that target (at the end of its year),
/// so progress is judged against where the indicator should be by now; without a baseline the later target
/// itself. After the last target year, the last target holds. No targets: <see cref="IndicatorVerdict.NoTarget"/>.</item>
/// <item>Down: on track at or below the target; Up: at or above it; Within band: inside the band. A value that
/// misses by at most <see cref="Tolerance"/> (5 %) of the target is <see cref="IndicatorVerdict.Close"/>; beyond that
/// it is off track.</item>
/// </list>
/// </summary>
public sealed record IndicatorAssessment(
    IndicatorVerdict Verdict,
    IndicatorPoint? Latest,
    IndicatorPoint? Previous,
    IndicatorPoint? Reference,
    ExpectedBand? Expected)
{
    public const decimal Tolerance = 0.05m;

    /// <summary>Change from the baseline (or the first measurement when there is no baseline) to the latest value.</summary>
    public decimal? ChangeSinceReference => Latest is not null && Reference is not null ? Latest.Value - Reference.Value : null;

    public decimal? PercentSinceReference => Percent(Reference, Latest);

    public decimal? ChangeSincePrevious => Latest is not null && Previous is not null ? Latest.Value - Previous.Value : null;

    public decimal? PercentSincePrevious => Percent(Previous, Latest);

    /// <param name="series">The indicator's totals, in any order.</param>
    public static IndicatorAssessment Of(
        IndicatorKind kind,
        DesiredDirection direction,
        decimal? baselineValue,
        PlannedTiming? baselinePeriod,
        IReadOnlyCollection<IndicatorTarget> targets,
        IReadOnlyCollection<IndicatorPoint> series)
    {
        var ordered = series.OrderBy(p => p.Period.Start).ToList();
        var latest = ordered.Count > 0 ? ordered[^1] : null;
        var previous = ordered.Count > 1 ? ordered[^2] : null;
        var reference = baselineValue is { } value && baselinePeriod is not null
            ? new IndicatorPoint(baselinePeriod, value, true)
            : ordered.Count > 1 ? ordered[0] : null;

        if (latest is null)
        {
            return new(kind == IndicatorKind.Watch ? IndicatorVerdict.Watched : IndicatorVerdict.NoData, null, null, reference, null);
        }

        if (kind == IndicatorKind.Watch)
        {
            return new(IndicatorVerdict.Watched, latest, previous, reference, null);
        }

        var expected = ExpectedAt(latest.Period, baselineValue, baselinePeriod, targets);
        var verdict = expected is null ? IndicatorVerdict.NoTarget : Judge(direction, expected, latest.Value);
        return new(verdict, latest, previous, reference, expected);
    }

    public static ExpectedBand? ExpectedAt(PlannedTiming period, decimal? baselineValue, PlannedTiming? baselinePeriod, IReadOnlyCollection<IndicatorTarget> targets)
    {
        var usable = targets.Where(t => t.Value is not null || t.IsBand).OrderBy(t => t.Year).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var sameYear = usable.FirstOrDefault(t => t.Year == period.End.Year);
        if (sameYear is not null)
        {
            return Band(sameYear, false);
        }

        var later = usable.FirstOrDefault(t => t.Year > period.End.Year);
        if (later is null)
        {
            return Band(usable[^1], false);
        }

        var earlier = usable.LastOrDefault(t => t.Year < period.End.Year);
        (decimal Value, DateOnly At)? from = earlier is not null
            ? (Middle(earlier), new DateOnly(earlier.Year, 12, 31))
            : baselineValue is { } baseline && baselinePeriod is not null && baselinePeriod.End < period.End ? (baseline, baselinePeriod.End) : null;
        if (from is null)
        {
            return Band(later, false);
        }

        var to = new DateOnly(later.Year, 12, 31);
        var share = (decimal)(period.End.DayNumber - from.Value.At.DayNumber) / (to.DayNumber - from.Value.At.DayNumber);
        var band = Band(later, true);
        var halfWidth = (band.High - band.Low) / 2;
        var middle = from.Value.Value + ((Middle(later) - from.Value.Value) * share);
        return band with { Low = middle - halfWidth, High = middle + halfWidth };
    }

    public static IndicatorVerdict Judge(DesiredDirection direction, ExpectedBand expected, decimal value)
    {
        var scale = Math.Max(Math.Abs(expected.Low), Math.Abs(expected.High));
        var tolerance = scale * Tolerance;
        var miss = direction switch
        {
            DesiredDirection.Down => value - expected.High,
            DesiredDirection.Up => expected.Low - value,
            _ => value < expected.Low ? expected.Low - value : value - expected.High,
        };

        return miss <= 0 ? IndicatorVerdict.OnTrack : miss <= tolerance ? IndicatorVerdict.Close : IndicatorVerdict.OffTrack;
    }

    private static ExpectedBand Band(IndicatorTarget target, bool interpolated) => target.IsBand
        ? new ExpectedBand(Math.Min(target.Low!.Value, target.High!.Value), Math.Max(target.Low.Value, target.High.Value), target.Year, interpolated)
        : new ExpectedBand(target.Value!.Value, target.Value.Value, target.Year, interpolated);

    private static decimal Middle(IndicatorTarget target) => target.IsBand ? (target.Low!.Value + target.High!.Value) / 2 : target.Value!.Value;

    private static decimal? Percent(IndicatorPoint? from, IndicatorPoint? to) =>
        from is null || to is null || from.Value == 0 ? null : (to.Value - from.Value) / Math.Abs(from.Value) * 100;
}
