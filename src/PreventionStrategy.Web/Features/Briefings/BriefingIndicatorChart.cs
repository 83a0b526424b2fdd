using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Plans;
using ScottPlot;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// An indicator's chart for the briefing, the same picture as the web page's SVG: totals as a line (preliminary
/// figures hollow), categories as stacked bars, each year's target as a tinted band or a dashed line with a
/// diamond, the baseline dashed grey. Drawn from the prepared <see cref="IndicatorSeries"/>; hidden small counts are left out.
/// </summary>
public static class BriefingIndicatorChart
{
    public const float Height = 170;

    private static readonly Color Line = Color.FromHex("#0059B3");
    private static readonly Color Target = Color.FromHex("#358000");
    private static readonly Color Baseline = Color.FromHex("#6B6B6B");
    private static readonly string[] CategoryColours = ["#4A6B8A", "#B37800", "#358000", "#8A3AB9", "#B51D09", "#00708A", "#6B6B6B", "#A0522D"];

    public static Plot Draw(IndicatorSeries series, Func<PlannedTiming, string> periodText, float width, float height)
    {
        var plot = BriefingCharts.NewPlot();
        plot.Axes.Left.TickLabelStyle.FontSize = 8;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.YAxisStyle.MajorLineStyle.Color = Color.FromHex("#E1E5EA");

        var slots = series.Slots(IndicatorChartSvg.MaxSlots);
        if (slots.Count == 0)
        {
            return plot;
        }

        var index = slots.Select((p, i) => (p, i)).ToDictionary(x => x.p.Start, x => x.i);
        var shown = series.Points.Where(p => index.ContainsKey(p.Period.Start) && !SmallNumbers.IsHidden(series.Unit, p.Total, false)).ToList();
        var (min, max, _) = IndicatorChartSvg.Scale(series, shown);

        foreach (var target in series.Targets)
        {
            var inYear = slots.Select((p, i) => (p, i)).Where(x => x.p.Start.Year == target.Year).Select(x => x.i).ToList();
            if (inYear.Count == 0)
            {
                continue;
            }

            double x1 = inYear[0] - 0.5, x2 = inYear[^1] + 0.5;
            if (target.IsBand)
            {
                var band = plot.Add.Rectangle(x1, x2, (double)Math.Min(target.Low!.Value, target.High!.Value), (double)Math.Max(target.Low.Value, target.High.Value));
                // A flat tint, not ScottPlot's hatch: a hatch is a bitmap shader, and the briefing holds no images.
                band.FillColor = Target.WithAlpha(0.18);
                band.LineColor = Target;
                band.LineWidth = 1;
            }
            else if (target.Value is { } value)
            {
                var line = plot.Add.Line(x1, (double)value, x2, (double)value);
                line.LineColor = Target;
                line.LineWidth = 1.5f;
                line.LinePattern = LinePattern.Dashed;
                plot.Add.Marker((x1 + x2) / 2, (double)value, MarkerShape.FilledDiamond, 7, Target);
            }
        }

        if (series.BaselineValue is { } baseline && !SmallNumbers.IsHidden(series.Unit, baseline, false))
        {
            var line = plot.Add.HorizontalLine((double)baseline);
            line.LineColor = Baseline;
            line.LineWidth = 1;
            line.LinePattern = LinePattern.Dotted;
        }

        if (series.Categories.Count > 0)
        {
            var bars = new List<Bar>();
            foreach (var point in shown)
            {
                decimal stacked = 0;
                for (var c = 0; c < series.Categories.Count; c++)
                {
                    if (point.ByCategory[c] is not { } part || part <= 0)
                    {
                        continue;
                    }

                    var colour = Color.FromHex(CategoryColours[c % CategoryColours.Length]);
                    bars.Add(new Bar
                    {
                        Position = index[point.Period.Start],
                        ValueBase = (double)stacked,
                        Value = (double)(stacked + part),
                        FillColor = point.IsFinal ? colour : colour.WithAlpha(0.45),
                        LineWidth = 0,
                        Size = 0.6,
                    });
                    stacked += part;
                }
            }

            plot.Add.Bars(bars);
        }

        if (shown.Count > 0)
        {
            var xs = shown.Select(p => (double)index[p.Period.Start]).ToArray();
            var ys = shown.Select(p => (double)p.Total).ToArray();
            var scatter = plot.Add.ScatterLine(xs, ys, Line);
            scatter.LineWidth = 2;
            foreach (var point in shown)
            {
                var marker = plot.Add.Marker(index[point.Period.Start], (double)point.Total, point.IsFinal ? MarkerShape.FilledCircle : MarkerShape.OpenCircle, 7, Line);
                marker.MarkerLineWidth = 1.5f;
                if (!point.IsFinal)
                {
                    marker.MarkerFillColor = Colors.White;
                }
            }
        }

        var bottom = new ScottPlot.TickGenerators.NumericManual();
        var every = Math.Max(1, (int)Math.Ceiling(slots.Count / Math.Max(1, width / 55)));
        for (var i = 0; i < slots.Count; i += every)
        {
            bottom.AddMajor(i, periodText(slots[i]));
        }

        plot.Axes.Bottom.TickGenerator = bottom;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(-0.7, slots.Count - 0.3, (double)min, (double)max);
        return plot;
    }
}
