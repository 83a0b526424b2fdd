using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Timeline;

/// <summary>A milestone as the timeline needs it: its period at the plan's precision and the lanes (focus areas) it belongs to.</summary>
public sealed record TimelineMilestone(
    int Id,
    string Title,
    IReadOnlyList<string> LaneKeys,
    DateOnly Start,
    DateOnly End,
    TimingPrecision Precision,
    MilestoneStatus Status);

/// <summary>A lane heading (a focus area): its key, as used by <see cref="TimelineMilestone.LaneKeys"/>, and its label.</summary>
public sealed record TimelineLaneDefinition(string Key, string Label);

/// <summary>
/// One milestone placed in a lane. <see cref="IsPoint"/> is true for a dated milestone (drawn as a
/// marker), false for a period such as "1. kvartal 2025" (drawn as a bar). <see cref="Row"/> is the
/// sub-row inside the lane, so overlapping periods never cover each other.
/// </summary>
public sealed record TimelineItem(
    int MilestoneId,
    string Title,
    DateOnly Start,
    DateOnly End,
    bool IsPoint,
    MilestoneStatus Status,
    int Row,
    bool StartsBeforeRange,
    bool EndsAfterRange);

public sealed record TimelineLane(string Key, string Label, IReadOnlyList<TimelineItem> Items, int RowCount);

/// <summary>
/// The timeline as a drawing-free model: lanes per focus area and items with their clipped period,
/// kind (point or bar) and sub-row. The briefing PDF draws it with ScottPlot; a web page can draw
/// the same model as SVG. Positions are given as fractions of the range, so any renderer scales them.
/// </summary>
public sealed class TimelineLayout
{
    /// <summary>Lane for milestones that belong to no focus area, so none silently disappears from the chart.</summary>
    public const string UnassignedLaneKey = "";

    private TimelineLayout(DateOnly from, DateOnly to, IReadOnlyList<TimelineLane> lanes)
    {
        From = from;
        To = to;
        Lanes = lanes;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public IReadOnlyList<TimelineLane> Lanes { get; }

    /// <param name="unassignedLabel">Label of the extra lane for milestones without a focus area; it is left out when empty.</param>
    /// <param name="labelDays">
    /// How many days an item's label covers when drawn, so a renderer that writes labels beside
    /// points and past short bars gets rows where no label runs into the next item. Null: items
    /// take only their own period.
    /// </param>
    public static TimelineLayout Create(
        IEnumerable<TimelineLaneDefinition> lanes,
        IEnumerable<TimelineMilestone> milestones,
        DateOnly from,
        DateOnly to,
        string unassignedLabel,
        Func<TimelineMilestone, int>? labelDays = null)
    {
        if (to < from)
        {
            throw new ArgumentException("The range must end after it starts.", nameof(to));
        }

        var definitions = lanes.ToList();
        var known = definitions.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var visible = milestones.Where(m => m.End >= from && m.Start <= to).ToList();
        var byLane = definitions.ToDictionary(l => l.Key, _ => new List<TimelineMilestone>(), StringComparer.Ordinal);
        byLane[UnassignedLaneKey] = [];
        foreach (var milestone in visible)
        {
            var keys = milestone.LaneKeys.Where(known.Contains).Distinct(StringComparer.Ordinal).ToList();
            foreach (var key in keys.Count == 0 ? [UnassignedLaneKey] : keys)
            {
                byLane[key].Add(milestone);
            }
        }

        var result = definitions.Select(l => Pack(l.Key, l.Label, byLane[l.Key], from, to, labelDays)).ToList();
        if (byLane[UnassignedLaneKey].Count > 0)
        {
            result.Add(Pack(UnassignedLaneKey, unassignedLabel, byLane[UnassignedLaneKey], from, to, labelDays));
        }

        return new TimelineLayout(from, to, result);
    }

    /// <summary>Where a day falls in the range: 0 at the start of <see cref="From"/>, 1 at the end of <see cref="To"/>.</summary>
    public double Fraction(DateOnly day) => (day.DayNumber - From.DayNumber) / (double)(To.DayNumber - From.DayNumber + 1);

    /// <summary>The end of an item as a fraction: the end of its last day, so a one-month bar is a month wide.</summary>
    public double EndFraction(TimelineItem item) => Fraction(item.End.AddDays(1));

    /// <summary>First days of the quarters within the range, for axis ticks ("K1 2025").</summary>
    public IEnumerable<DateOnly> QuarterStarts()
    {
        var quarter = new DateOnly(From.Year, (((From.Month - 1) / 3) * 3) + 1, 1);
        if (quarter < From)
        {
            quarter = quarter.AddMonths(3);
        }

        for (; quarter <= To; quarter = quarter.AddMonths(3))
        {
            yield return quarter;
        }
    }

    // Greedy interval packing in start order: each item goes into the first sub-row that is free by
    // its start, which is optimal for the number of rows and stable for the same input.
    private static TimelineLane Pack(string key, string label, List<TimelineMilestone> milestones, DateOnly from, DateOnly to, Func<TimelineMilestone, int>? labelDays)
    {
        var rowEnds = new List<DateOnly>();
        var items = new List<TimelineItem>();
        foreach (var m in milestones.OrderBy(m => m.Start).ThenBy(m => m.End).ThenBy(m => m.Id))
        {
            var start = m.Start < from ? from : m.Start;
            var end = m.End > to ? to : m.End;
            // A label that fits inside its bar stays there; any other is written after the item's end (never across
            // the bar's edge), so it takes the days after the end too.
            var days = labelDays?.Invoke(m);
            var occupied = days is not { } d ? end
                : m.Precision != TimingPrecision.Day && d <= end.DayNumber - start.DayNumber ? end
                : end.AddDays(d);
            var row = rowEnds.FindIndex(rowEnd => rowEnd < start);
            if (row < 0)
            {
                row = rowEnds.Count;
                rowEnds.Add(occupied);
            }
            else
            {
                rowEnds[row] = occupied;
            }

            items.Add(new TimelineItem(m.Id, m.Title, start, end, m.Precision == TimingPrecision.Day, m.Status, row, m.Start < from, m.End > to));
        }

        return new TimelineLane(key, label, items, Math.Max(1, rowEnds.Count));
    }
}
