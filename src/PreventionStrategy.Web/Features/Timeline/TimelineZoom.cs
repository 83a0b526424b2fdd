namespace PreventionStrategy.Web.Features.Timeline;

/// <summary>How much time a screen's width shows, and the ticks on the axis.</summary>
public enum TimelineZoom
{
    Month,
    Quarter,
    Year,
}
