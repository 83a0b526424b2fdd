using System.Globalization;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Timeline;

/// <summary>A milestone as the chart needs it.</summary>
public sealed record TimelineSource(int Id, string Title, PlannedTiming Timing, MilestoneStatus Status, int? PreconditionId, DateOnly? ForecastDate, IReadOnlyList<int> FocusAreaIds);

/// <summary>
/// The chart of a strategy's milestones, laid out from data already read (no database here): the
/// timeline page's and a shared link's.
/// </summary>
public sealed record TimelineView(
    TimelineLayout Layout,
    TimelineChart Chart,
    IReadOnlyDictionary<int, string> TimingTexts,
    IReadOnlySet<int> Overdue,
    bool HasEarlier,
    bool HasLater)
{
    public static TimelineView Build(
        IEnumerable<(int Id, int SortOrder, string Title)> focusAreas,
        IReadOnlyList<TimelineSource> milestones,
        TimelineZoom zoom,
        DateOnly? from,
        DateOnly? to,
        DateOnly today,
        string noFocusAreaLabel,
        string overdueWord,
        Display show)
    {
        var overdue = milestones
            .Where(m => m.Status is not (MilestoneStatus.Done or MilestoneStatus.Cancelled) && (m.ForecastDate ?? m.Timing.End) < today)
            .Select(m => m.Id)
            .ToHashSet();
        var timeline = milestones
            .Select(m => new TimelineMilestone(m.Id, m.Title, m.FocusAreaIds.Select(f => f.ToString(CultureInfo.InvariantCulture)).ToList(), m.Timing.Start, m.Timing.End, m.Timing.Precision, m.Status))
            .ToList();
        var (start, end) = TimelineChart.Range(zoom, from, to, timeline, today);
        var layout = TimelineLayout.Create(
            focusAreas.Select(f => new TimelineLaneDefinition(f.Id.ToString(CultureInfo.InvariantCulture), $"{f.SortOrder}. {f.Title}")),
            timeline,
            start,
            end,
            noFocusAreaLabel,
            m => TimelineChart.LabelDays(TimelineChart.LabelText(m.Title, overdue.Contains(m.Id), overdueWord), zoom));
        var chart = TimelineChart.Build(
            layout,
            zoom,
            today,
            milestones.Where(m => m.PreconditionId != null).ToDictionary(m => m.Id, m => m.PreconditionId!.Value),
            CultureInfo.CurrentCulture,
            overdue,
            overdueWord);
        return new TimelineView(
            layout,
            chart,
            milestones.ToDictionary(m => m.Id, m => show.Timing(m.Timing)),
            overdue,
            timeline.Any(m => m.Start < start),
            timeline.Any(m => m.End > end));
    }
}
