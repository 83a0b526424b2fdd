namespace PreventionStrategy.Web.Features.Indicators;

public static class IndicatorSeriesBuilder
{
    /// <summary>The chart's figures from an indicator loaded with its categories, targets and measurements with values.</summary>
    public static IndicatorSeries From(Indicator indicator)
    {
        var categories = indicator.Categories.OrderBy(c => c.SortOrder).ToList();
        var points = indicator.Measurements.OrderBy(m => m.Period.Start)
            .Select(m => new SeriesPoint(
                m.Period,
                m.Total,
                m.IsFinal,
                categories.Select(c => m.Values.FirstOrDefault(v => v.CategoryId == c.Id)?.Value).ToList()))
            .ToList();
        return new IndicatorSeries(
            indicator.Unit,
            indicator.Frequency,
            categories.Select(c => c.Name).ToList(),
            points,
            indicator.BaselineValue,
            indicator.BaselinePeriod,
            indicator.Targets.OrderBy(t => t.Year).ToList());
    }
}
