using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Timeline;

/// <summary>What the chart partial draws: the timeline page's chart, and a shared link's (without links to milestones).</summary>
public sealed record TimelineSvgView(
    TimelineChart Chart,
    TimelineLayout Layout,
    TimelineZoom Zoom,
    string Title,
    Func<int, string>? DetailsUrl,
    IReadOnlyDictionary<int, string> TimingTexts,
    IReadOnlyDictionary<MilestoneStatus, string> StatusTexts,
    string OverdueWord);
