using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>One period's figures: the total and, with categories, each category's value (null where none was given).</summary>
public sealed record SeriesPoint(PlannedTiming Period, decimal Total, bool IsFinal, IReadOnlyList<decimal?> ByCategory);

/// <summary>
/// Everything a chart of one indicator draws, prepared before drawing: the web page's SVG and the
/// briefing's ScottPlot chart are both made from it, so they show the same numbers.
/// </summary>
public sealed record IndicatorSeries(
    IndicatorUnit Unit,
    TimingPrecision Frequency,
    IReadOnlyList<string> Categories,
    IReadOnlyList<SeriesPoint> Points,
    decimal? BaselineValue,
    PlannedTiming? BaselinePeriod,
    IReadOnlyList<IndicatorTarget> Targets)
{
    /// <summary>The periods the x axis spans: the baseline, every measurement and every target year, in order.</summary>
    public IReadOnlyList<PlannedTiming> Slots(int limit)
    {
        var starts = Points.Select(p => p.Period).ToList();
        if (BaselinePeriod is not null)
        {
            starts.Add(BaselinePeriod);
        }

        starts.AddRange(Targets.Select(t => IndicatorPeriods.Containing(new DateOnly(t.Year, 12, 31), Frequency)));
        if (starts.Count == 0)
        {
            return [];
        }

        var first = starts.MinBy(p => p.Start)!;
        var last = starts.MaxBy(p => p.Start)!;
        var range = IndicatorPeriods.Range(IndicatorPeriods.Containing(first.Start, Frequency), IndicatorPeriods.Containing(last.Start, Frequency), limit + 1);

        // Keep the latest periods when a long series does not fit.
        return range.Count > limit ? range.Skip(range.Count - limit).ToList() : range;
    }
}
