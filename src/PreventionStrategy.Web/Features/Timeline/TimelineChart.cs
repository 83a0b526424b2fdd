using System.Globalization;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Timeline;

/// <param name="LabelLines">The lane's name wrapped to the label column, never cut.</param>
public sealed record ChartLane(string Key, string Label, double Y, double Height, IReadOnlyList<string> LabelLines);

public sealed record ChartTick(double X, string Label);

/// <param name="LabelX">Where the label starts: inside a bar it fits in, else after the item, never across a bar's edge.</param>
/// <param name="IsOverdue">Open and past its expected date: drawn with the overdue ring or outline and the word.</param>
public sealed record ChartItem(int MilestoneId, string Title, string LaneKey, DateOnly Start, DateOnly End, bool IsPoint, MilestoneStatus Status, double X, double Y, double Width, bool StartsBefore, bool EndsAfter, double LabelX = 0, bool IsOverdue = false);

public sealed record ChartArrow(int FromId, int ToId, double X1, double Y1, double X2, double Y2);

/// <summary>
/// The timeline in pixels, from the same <see cref="TimelineLayout"/> the briefing draws: lanes
/// stacked from the top, days scaled to the zoom, an item per milestone and lane, today's line and
/// an arrow from each precondition to what waits for it. The page only writes it out as SVG.
/// </summary>
public sealed class TimelineChart
{
    public const double LabelWidth = 220;
    public const double AxisHeight = 36;
    public const double RowHeight = 26;
    public const double LanePadding = 10;

    /// <summary>About the widest a chart can be without scrolling on a laptop; wider ones say that their box scrolls.</summary>
    public const double WiderThanPage = 1100;

    /// <summary>Lane names wrap at about this many characters to stay in the label column.</summary>
    public const int LaneLabelCharacters = 30;

    public const double LaneLabelLineHeight = 15;

    /// <summary>Longer titles are cut with an ellipsis on the chart; the tooltip and the table have them whole.</summary>
    public const int MaxLabelCharacters = 48;

    private TimelineChart()
    {
    }

    public double Width { get; private init; }

    public double Height { get; private init; }

    public IReadOnlyList<ChartLane> Lanes { get; private init; } = [];

    public IReadOnlyList<ChartTick> Ticks { get; private init; } = [];

    public IReadOnlyList<ChartItem> Items { get; private init; } = [];

    public IReadOnlyList<ChartArrow> Arrows { get; private init; } = [];

    public double? TodayX { get; private init; }

    /// <summary>Pixels per day: a month is readable at month zoom, a whole plan fits at year zoom.</summary>
    public static double DayWidth(TimelineZoom zoom) => zoom switch
    {
        TimelineZoom.Month => 6,
        TimelineZoom.Quarter => 2,
        _ => 0.7,
    };

    /// <summary>Days a label of this title covers at this zoom.</summary>
    public static int LabelDays(string title, TimelineZoom zoom) => (int)Math.Ceiling((LabelWidthOf(title) + 20) / DayWidth(zoom));

    /// <summary>About 6.5 px a character at 12 px, with the status symbol (an overdue label's word included).</summary>
    private static double LabelWidthOf(string label) => (Math.Min(label.Length, MaxLabelCharacters + 16) + 2) * 6.5;

    /// <summary>The label's text before shortening: the overdue word first when the item is overdue.</summary>
    public static string LabelText(string title, bool overdue, string overdueWord) => overdue ? $"{overdueWord}: {title}" : title;

    /// <summary>A lane name in lines of whole words that fit the label column.</summary>
    public static IReadOnlyList<string> WrapLaneLabel(string label)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LaneLabelCharacters)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Months in one period of the zoom: the axis ticks and the range's whole periods.</summary>
    public static int PeriodMonths(TimelineZoom zoom) => zoom switch
    {
        TimelineZoom.Month => 1,
        TimelineZoom.Quarter => 3,
        _ => 12,
    };

    /// <summary>Months shown at once when no period is chosen; the year zoom shows the whole plan.</summary>
    public static int WindowMonths(TimelineZoom zoom) => zoom switch
    {
        TimelineZoom.Month => 12,
        TimelineZoom.Quarter => 24,
        _ => 0,
    };

    /// <summary>
    /// The range shown: the chosen period, else a window of <see cref="WindowMonths"/> around today
    /// kept inside the plan's extent (the whole extent at year zoom), widened to whole zoom periods.
    /// A window keeps a long plan's timeline readable and its page small.
    /// </summary>
    public static (DateOnly From, DateOnly To) Range(TimelineZoom zoom, DateOnly? from, DateOnly? to, IReadOnlyCollection<TimelineMilestone> milestones, DateOnly today)
    {
        var extentStart = milestones.Count == 0 ? today : milestones.Min(m => m.Start);
        var extentEnd = milestones.Count == 0 ? today.AddMonths(11) : milestones.Max(m => m.End);
        DateOnly start, end;
        if (from is not null || to is not null || WindowMonths(zoom) == 0)
        {
            start = from ?? (to is { } until && WindowMonths(zoom) > 0 ? until.AddMonths(-WindowMonths(zoom)) : extentStart);
            end = to ?? (from is { } since && WindowMonths(zoom) > 0 ? since.AddMonths(WindowMonths(zoom)).AddDays(-1) : extentEnd);
        }
        else
        {
            var months = WindowMonths(zoom);
            start = today.AddMonths(-months / 4);
            if (start.AddMonths(months) > extentEnd)
            {
                start = extentEnd.AddMonths(-months).AddDays(1);
            }

            if (start < extentStart)
            {
                start = extentStart;
            }

            end = start.AddMonths(months).AddDays(-1);
        }

        if (end < start)
        {
            end = start;
        }

        var unit = PeriodMonths(zoom);
        var first = new DateOnly(start.Year, ((start.Month - 1) / unit * unit) + 1, 1);
        var last = new DateOnly(end.Year, ((end.Month - 1) / unit * unit) + 1, 1).AddMonths(unit).AddDays(-1);
        return (first, last);
    }

    public static TimelineChart Build(TimelineLayout layout, TimelineZoom zoom, DateOnly today, IReadOnlyDictionary<int, int> preconditions, CultureInfo culture, IReadOnlySet<int>? overdue = null, string overdueWord = "")
    {
        overdue ??= new HashSet<int>();
        var days = layout.To.DayNumber - layout.From.DayNumber + 1;
        var plotWidth = Math.Max(480, days * DayWidth(zoom));
        double X(double fraction) => LabelWidth + (fraction * plotWidth);

        var lanes = new List<ChartLane>();
        var items = new List<ChartItem>();
        var y = AxisHeight;
        foreach (var lane in layout.Lanes)
        {
            var lines = WrapLaneLabel(lane.Label);
            var height = Math.Max((lane.RowCount * RowHeight) + (2 * LanePadding), 14 + (lines.Count * LaneLabelLineHeight));
            lanes.Add(new ChartLane(lane.Key, lane.Label, y, height, lines));
            foreach (var item in lane.Items)
            {
                var x = X(layout.Fraction(item.Start));
                var width = item.IsPoint ? 0 : Math.Max(4, X(layout.EndFraction(item)) - x);
                var isOverdue = overdue.Contains(item.MilestoneId);
                var labelWidth = LabelWidthOf(LabelText(item.Title, isOverdue, overdueWord));
                var labelX = item.IsPoint ? x + 11 : labelWidth + 10 <= width ? x + 5 : x + width + 5;
                items.Add(new ChartItem(item.MilestoneId, item.Title, lane.Key, item.Start, item.End, item.IsPoint, item.Status, x, y + LanePadding + (item.Row * RowHeight), width, item.StartsBeforeRange, item.EndsAfterRange, labelX, isOverdue));
            }

            y += height;
        }

        // One arrow per dependency, between the first places the two milestones are drawn.
        var first = items.GroupBy(i => i.MilestoneId).ToDictionary(g => g.Key, g => g.First());
        var arrows = preconditions
            .Where(p => first.ContainsKey(p.Key) && first.ContainsKey(p.Value))
            .Select(p => (To: first[p.Key], From: first[p.Value]))
            .Select(a => new ChartArrow(a.From.MilestoneId, a.To.MilestoneId, a.From.X + a.From.Width, a.From.Y + (RowHeight / 2), a.To.X, a.To.Y + (RowHeight / 2)))
            .OrderBy(a => a.ToId)
            .ToList();

        // Labels run past the last day; the drawing is made wide enough that none is cut off.
        var labelsEnd = items.Count == 0 ? 0 : items.Max(i => i.LabelX + LabelWidthOf(LabelText(i.Title, i.IsOverdue, overdueWord)));
        return new TimelineChart
        {
            Width = Math.Max(LabelWidth + plotWidth, labelsEnd) + 20,
            Height = y + 4,
            Lanes = lanes,
            Items = items,
            Arrows = arrows,
            Ticks = TickDays(layout, zoom, culture).Select(t => new ChartTick(X(layout.Fraction(t.Day)), t.Label)).ToList(),
            TodayX = today >= layout.From && today <= layout.To ? X(layout.Fraction(today)) : null,
        };
    }

    private static IEnumerable<(DateOnly Day, string Label)> TickDays(TimelineLayout layout, TimelineZoom zoom, CultureInfo culture)
    {
        var months = PeriodMonths(zoom);
        for (var day = new DateOnly(layout.From.Year, layout.From.Month, 1); day <= layout.To; day = day.AddMonths(months))
        {
            yield return (day, zoom switch
            {
                TimelineZoom.Month => day.ToString("MMM yyyy", culture),
                TimelineZoom.Quarter => string.Format(culture, culture.TwoLetterISOLanguageName == "da" ? "K{0} {1}" : "Q{0} {1}", ((day.Month - 1) / 3) + 1, day.Year),
                _ => day.Year.ToString(culture),
            });
        }
    }
}
