using PreventionStrategy.Web.Features.Timeline;
using ScottPlot;
using SkiaSharp;

namespace PreventionStrategy.Web.Features.Briefings;

/// <summary>
/// The briefing's two charts as ScottPlot plots sized in points: the timeline (one lane per focus
/// area, a bar per period, a diamond per dated milestone) and the count of milestones by status.
/// Ticks are set by hand so every label is Danish and none depends on the server's culture.
/// </summary>
public static class BriefingCharts
{
    public static float TimelineHeight(BriefingTimeline timeline) =>
        60 + (timeline.Layout.Lanes.Sum(l => Math.Min(l.RowCount, MaxRowsDrawn)) * 11f) + (timeline.Layout.Lanes.Count * 20f);

    /// <summary>Beyond this many sub-rows a lane's bars would be hairlines; later rows share the last one.</summary>
    private const int MaxRowsDrawn = 24;

    /// <summary>Above this many milestones a bar per milestone is an unreadable pattern: the briefing shows counts instead.</summary>
    public const int MaxMilestonesDrawn = 60;

    public static bool IsSummarised(BriefingTimeline timeline) =>
        timeline.Layout.Lanes.SelectMany(l => l.Items).Select(i => i.MilestoneId).Distinct().Count() > MaxMilestonesDrawn;

    /// <summary>
    /// The number each milestone carries on the chart and in its key: 1, 2, 3 … in the order the chart shows them (lane by
    /// lane, then by start); a milestone in several focus areas has one number in every lane it appears in.
    /// </summary>
    public static IReadOnlyDictionary<int, int> Numbers(BriefingTimeline timeline) => timeline.Layout.Lanes
        .SelectMany(l => l.Items.OrderBy(i => i.Start).ThenBy(i => i.Row))
        .Select(i => i.MilestoneId)
        .Distinct()
        .Select((id, index) => (id, index))
        .ToDictionary(x => x.id, x => x.index + 1);

    public static Plot Timeline(BriefingTimeline timeline, float width, float height)
    {
        var plot = NewPlot();
        var layout = timeline.Layout;
        var numbers = Numbers(timeline);
        using var labelFont = new SKFont(BriefingFonts.Regular);
        var lanes = layout.Lanes;
        var left = new ScottPlot.TickGenerators.NumericManual();
        var top = 0.0;
        for (var laneIndex = 0; laneIndex < lanes.Count; laneIndex++)
        {
            var lane = lanes[laneIndex];
            var rows = Math.Min(lane.RowCount, MaxRowsDrawn);
            var laneHeight = rows + 2.0;
            if (laneIndex % 2 == 0)
            {
                var band = plot.Add.Rectangle(0, 1, -top - laneHeight, -top);
                band.FillColor = Color.FromHex("#F3F5F8");
                band.LineWidth = 0;
            }

            // ScottPlot draws labels in Plex alone: what Plex lacks becomes the same marker as in the text.
            left.AddMajor(-top - (laneHeight / 2), Shorten(Layout.TextRuns.WithMarkers(lane.Label, labelFont), 34));
            foreach (var item in lane.Items)
            {
                // Half a row of air above the first sub-row and below the last keeps markers off the band's edge.
                var y = -top - 1.5 - Math.Min(item.Row, rows - 1);
                var x1 = layout.Fraction(item.Start);
                var colour = ToColor(timeline.Overdue.Contains(item.MilestoneId) ? BriefingStyles.StateColor(BriefingState.Overdue) : BriefingStyles.StatusColor(item.Status));
                if (timeline.Forecasts.TryGetValue(item.MilestoneId, out var forecast))
                {
                    Forecast(plot, layout.EndFraction(item), layout.Fraction(forecast.AddDays(1)), y + 0.5, colour);
                }

                if (item.IsPoint)
                {
                    var marker = plot.Add.Marker(x1 + (0.5 * (layout.EndFraction(item) - x1)), y + 0.5, MarkerShape.FilledDiamond, 7, colour);
                    marker.MarkerLineColor = Colors.White;
                }
                else
                {
                    var bar = plot.Add.Rectangle(x1, layout.EndFraction(item), y + 0.15, y + 0.85);
                    bar.FillColor = colour;
                    bar.LineColor = Colors.White;
                    bar.LineWidth = 0.5f;
                }

                // The milestone's number right of where it ends (its forecast, if later), or left of its start when that is at
                // the chart's right edge, where the plot would clip it; on white so it reads over a neighbour.
                var hasForecast = timeline.Forecasts.TryGetValue(item.MilestoneId, out var f);
                var labelX = Math.Max(layout.EndFraction(item), hasForecast ? layout.Fraction(f.AddDays(1)) : 0);
                var leftOfStart = labelX > 0.95;
                var gap = item.IsPoint || (hasForecast && !leftOfStart) ? 5 : 2;
                var number = plot.Add.Text(numbers[item.MilestoneId].ToString(System.Globalization.CultureInfo.InvariantCulture), leftOfStart ? x1 : labelX, y + 0.5);
                number.LabelFontName = BriefingFonts.ChartFamily;
                number.LabelFontSize = 6.5f;
                number.LabelFontColor = Color.FromHex("#1A1A1A");
                number.LabelAlignment = leftOfStart ? Alignment.MiddleRight : Alignment.MiddleLeft;
                number.LabelPadding = 0.5f;
                number.LabelOffsetX = leftOfStart ? -gap : gap;
                number.LabelStyle.SubpixelText = true;
            }

            top += laneHeight;
        }

        Today(plot, layout.Fraction(timeline.Today), -top);
        plot.Axes.Left.TickGenerator = left;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = QuarterTicks(timeline);
        plot.Axes.SetLimits(0, 1, -top, 0);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex("#D5DAE0");
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0.5f;
        plot.Grid.IsBeneathPlottables = false;
        return plot;
    }

    // A dashed line from the planned end to the forecast, ending in a ring: where the milestone is now expected.
    private static void Forecast(Plot plot, double plannedEnd, double forecast, double y, Color colour)
    {
        var line = plot.Add.Line(plannedEnd, y, forecast, y);
        line.LineColor = colour;
        line.LineWidth = 1;
        line.LinePattern = LinePattern.Dashed;
        line.MarkerSize = 0;
        var ring = plot.Add.Marker(forecast, y, MarkerShape.OpenCircle, 6, colour);
        ring.MarkerLineWidth = 1.2f;
    }

    // Today as a vertical line over all lanes, labelled as text so a reader (and a search) finds it.
    private static void Today(Plot plot, double x, double bottom)
    {
        var line = plot.Add.Line(x, 0, x, bottom);
        line.LineColor = Color.FromHex("#1A1A1A");
        line.LineWidth = 1;
        line.MarkerSize = 0;
        var label = plot.Add.Text("I dag", x, 0);
        label.LabelFontName = BriefingFonts.ChartFamily;
        label.LabelFontSize = 8;
        label.LabelFontColor = Color.FromHex("#1A1A1A");
        label.LabelBackgroundColor = Colors.White;
        label.LabelAlignment = Alignment.UpperCenter;
        label.LabelStyle.SubpixelText = true;
    }

    public static float StatusHeight(BriefingSummary summary) => 40 + (summary.StatusCounts.Count * 20f);

    public static Plot StatusCounts(BriefingSummary summary, float width, float height)
    {
        var plot = NewPlot();
        var counts = summary.StatusCounts;
        var bars = counts.Select((c, i) => new Bar
        {
            Position = counts.Count - i,
            Value = c.Count,
            FillColor = ToColor(BriefingStyles.StateColor(c.State)),
            LineWidth = 0,
            Size = 0.6,
            Label = c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Orientation = Orientation.Horizontal,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontName = BriefingFonts.ChartFamily;
        barPlot.ValueLabelStyle.FontSize = 9;
        barPlot.ValueLabelStyle.SubpixelText = true;
        barPlot.ValueLabelStyle.ForeColor = Color.FromHex("#1A1A1A");

        var left = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < counts.Count; i++)
        {
            left.AddMajor(counts.Count - i, counts[i].StatusText);
        }

        plot.Axes.Left.TickGenerator = left;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var max = Math.Max(1, counts.Max(c => c.Count));
        plot.Axes.Bottom.TickGenerator = CountTicks(max);
        plot.Axes.SetLimits(0, max * 1.12, 0.4, counts.Count + 0.6);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex("#E1E5EA");
        return plot;
    }

    /// <summary>A plot in the briefing's look: its font, axis colours, sub-pixel labels, white background.</summary>
    internal static Plot NewPlot()
    {
        BriefingFonts.EnsureChartFontRegistered();
        var plot = new Plot();
        plot.Font.Set(BriefingFonts.ChartFamily);
        plot.Axes.Color(Color.FromHex("#5C5C5C"));
        plot.Axes.Frame(false);
        plot.Axes.Bottom.FrameLineStyle.IsVisible = true;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 8;

        // Unhinted, sub-pixel text like the rest of the briefing: letters keep the font's own spacing.
        plot.Axes.Bottom.TickLabelStyle.SubpixelText = true;
        plot.Axes.Left.TickLabelStyle.SubpixelText = true;
        plot.Axes.Left.TickLabelStyle.FontSize = 8.5f;
        plot.Axes.Left.TickLabelStyle.ForeColor = Color.FromHex("#1A1A1A");
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        return plot;
    }

    // Quarters when the range is short enough to read them; otherwise only each year's first quarter.
    private static ScottPlot.TickGenerators.NumericManual QuarterTicks(BriefingTimeline timeline)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var quarters = timeline.QuarterLabels;
        var yearsOnly = quarters.Count > 8;
        foreach (var (start, label) in quarters)
        {
            var position = timeline.Layout.Fraction(start);
            if (!yearsOnly)
            {
                ticks.AddMajor(position, label);
            }
            else if (start.Month == 1)
            {
                ticks.AddMajor(position, start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                ticks.AddMinor(position);
            }
        }

        return ticks;
    }

    private static ScottPlot.TickGenerators.NumericManual CountTicks(int max)
    {
        var step = max <= 10 ? 1 : max <= 50 ? 5 : max <= 100 ? 10 : (int)Math.Pow(10, Math.Floor(Math.Log10(max))) / 2;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var value = 0; value <= max; value += step)
        {
            ticks.AddMajor(value, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return ticks;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    private static Color ToColor(SKColor colour) => new(colour.Red, colour.Green, colour.Blue);
}
