using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// The indicator page's chart, drawn on the server as SVG: a line of totals (preliminary values hollow,
/// final ones filled), stacked bars for categories, the target for each year as a band or a marked line,
/// and the baseline as a dashed line. Values carry data attributes and the plot area its scale, so the
/// drawing can be checked against the numbers. Hidden small numbers are not drawn.
/// </summary>
public static class IndicatorChartSvg
{
    public const double Width = 760;
    public const double Height = 340;
    public const double Left = 72;
    public const double Right = 16;
    public const double Top = 16;
    public const double Bottom = 48;

    /// <summary>At most this many periods are drawn (ten years of months); the table holds all of them.</summary>
    public const int MaxSlots = 120;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Draw(
        IndicatorSeries series,
        bool seesSmallNumbers,
        Func<decimal, string> value,
        Func<PlannedTiming, string> period,
        string title,
        string description)
    {
        var slots = series.Slots(MaxSlots);
        if (slots.Count == 0)
        {
            return HtmlString.Empty;
        }

        var index = slots.Select((p, i) => (p, i)).ToDictionary(x => x.p.Start, x => x.i);
        var shown = series.Points.Where(p => index.ContainsKey(p.Period.Start) && !SmallNumbers.IsHidden(series.Unit, p.Total, seesSmallNumbers)).ToList();
        var (min, max, step) = Scale(series, shown);
        var plotWidth = Width - Left - Right;
        var plotBottom = Height - Bottom;
        var slotWidth = plotWidth / slots.Count;
        double X(int slot) => Left + (slotWidth * (slot + 0.5));
        double Y(decimal v) => plotBottom - ((double)((v - min) / (max - min)) * (plotBottom - Top));

        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"indicator-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" ")
            .Append(CultureInfo.InvariantCulture, $"data-y-min=\"{N(min)}\" data-y-max=\"{N(max)}\" data-plot-top=\"{N(Top)}\" data-plot-bottom=\"{N(plotBottom)}\">")
            .Append("<title id=\"chart-title\">").Append(Encoder.Encode(title)).Append("</title>")
            .Append("<desc id=\"chart-desc\">").Append(Encoder.Encode(description)).Append("</desc>")
            .Append("<defs><pattern id=\"target-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"target-hatch-line\" /></pattern></defs>");

        // Grid and y axis.
        for (var tick = min; tick <= max; tick += step)
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-grid\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" />");
            Text(svg, "chart-axis-label", Left - 6, y + 4, value(tick), "end");
        }

        // x axis: every period's tick, a label as often as there is room for one.
        var labelEvery = (int)Math.Ceiling(slots.Count / (plotWidth / 64));
        for (var i = 0; i < slots.Count; i++)
        {
            if (i % labelEvery == 0)
            {
                Text(svg, "chart-axis-label", X(i), plotBottom + 18, period(slots[i]), "middle");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-axis\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(plotBottom)}\" y2=\"{N(plotBottom)}\" />");

        // Targets: a year's band (hatched) or a marked line over the periods of that year.
        foreach (var target in series.Targets)
        {
            var inYear = slots.Select((p, i) => (p, i)).Where(x => x.p.Start.Year == target.Year).Select(x => x.i).ToList();
            if (inYear.Count == 0)
            {
                continue;
            }

            var x1 = Left + (slotWidth * inYear[0]);
            var x2 = Left + (slotWidth * (inYear[^1] + 1));
            if (target.IsBand)
            {
                var low = Math.Min(target.Low!.Value, target.High!.Value);
                var high = Math.Max(target.Low.Value, target.High.Value);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"target-band\" data-year=\"{target.Year}\" data-low=\"{N(low)}\" data-high=\"{N(high)}\" x=\"{N(x1)}\" y=\"{N(Y(high))}\" width=\"{N(x2 - x1)}\" height=\"{N(Math.Max(1, Y(low) - Y(high)))}\" />");
            }
            else if (target.Value is { } point)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"target-line\" data-year=\"{target.Year}\" data-value=\"{N(point)}\" x1=\"{N(x1)}\" x2=\"{N(x2)}\" y1=\"{N(Y(point))}\" y2=\"{N(Y(point))}\" />");
                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"target-mark\" d=\"M{N((x1 + x2) / 2)} {N(Y(point) - 6)} l6 6 l-6 6 l-6 -6 z\" />");
            }
        }

        if (series.BaselineValue is { } baseline && !SmallNumbers.IsHidden(series.Unit, baseline, seesSmallNumbers))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"baseline-line\" data-value=\"{N(baseline)}\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Y(baseline))}\" y2=\"{N(Y(baseline))}\" />");
        }

        // Categories as stacked bars, the total as a line with points.
        if (series.Categories.Count > 0)
        {
            foreach (var point in shown)
            {
                var slot = index[point.Period.Start];
                decimal stacked = 0;
                for (var c = 0; c < series.Categories.Count; c++)
                {
                    if (point.ByCategory[c] is not { } part || part <= 0)
                    {
                        continue;
                    }

                    var y1 = Y(stacked + part);
                    var y0 = Y(stacked);
                    svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"category-bar category-{c % 8}{(point.IsFinal ? "" : " preliminary")}\" data-category=\"{Encoder.Encode(series.Categories[c])}\" data-period=\"{IndicatorPeriods.Key(point.Period)}\" data-value=\"{N(part)}\" x=\"{N(X(slot) - (slotWidth * 0.3))}\" y=\"{N(y1)}\" width=\"{N(slotWidth * 0.6)}\" height=\"{N(Math.Max(0.5, y0 - y1))}\" />");
                    stacked += part;
                }
            }
        }

        if (shown.Count > 1)
        {
            svg.Append("<polyline class=\"total-line\" points=\"");
            foreach (var point in shown)
            {
                svg.Append(N(X(index[point.Period.Start]))).Append(',').Append(N(Y(point.Total))).Append(' ');
            }

            svg.Append("\" />");
        }

        foreach (var point in shown)
        {
            var slot = index[point.Period.Start];
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"total-point {(point.IsFinal ? "final" : "preliminary")}\" data-period=\"{IndicatorPeriods.Key(point.Period)}\" data-value=\"{N(point.Total)}\" cx=\"{N(X(slot))}\" cy=\"{N(Y(point.Total))}\" r=\"5\"><title>")
                .Append(Encoder.Encode($"{period(point.Period)}: {value(point.Total)}")).Append("</title></circle>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>A y axis from zero (or the lowest value, if negative) to a round number above everything drawn.</summary>
    public static (decimal Min, decimal Max, decimal Step) Scale(IndicatorSeries series, IReadOnlyList<SeriesPoint> shown)
    {
        var values = shown.Select(p => p.Total)
            .Concat(series.Targets.SelectMany(t => new[] { t.Value, t.Low, t.High }).OfType<decimal>())
            .Concat(series.BaselineValue is { } b ? [b] : [])
            .ToList();
        var low = Math.Min(0, values.Count == 0 ? 0 : values.Min());
        var high = values.Count == 0 ? 1 : values.Max();
        if (high <= low)
        {
            high = low + 1;
        }

        var step = NiceStep((high - low) / 5);
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high * 1.05m / step) * step;
        return (min, max == min ? min + step : max, step);
    }

    private static decimal NiceStep(decimal rough)
    {
        if (rough <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5m ? 2.5m : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static void Text(StringBuilder svg, string cssClass, double x, double y, string content, string anchor) =>
        svg.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(Encoder.Encode(content)).Append("</text>");

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
