using System.Globalization;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Timeline;

/// <summary>
/// Status as shape and symbol as well as colour, so the timeline reads in black and white and for
/// people who do not tell the colours apart.
/// </summary>
public static class TimelineMarks
{
    public static string Symbol(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Planned => "○",
        MilestoneStatus.InProgress => "▶",
        MilestoneStatus.AtRisk => "!",
        MilestoneStatus.Delayed => "»",
        MilestoneStatus.Done => "✓",
        _ => "✕",
    };

    /// <summary>A marker centred on (x, y) of radius r: circle, triangle, square, diamond or cross by status.</summary>
    public static string Path(MilestoneStatus status, double x, double y, double r)
    {
        string P(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        return status switch
        {
            MilestoneStatus.AtRisk => $"M{P(x)},{P(y - r)} L{P(x + r)},{P(y + r)} L{P(x - r)},{P(y + r)} Z",
            MilestoneStatus.Delayed => $"M{P(x - r)},{P(y - r)} H{P(x + r)} V{P(y + r)} H{P(x - r)} Z",
            MilestoneStatus.Done => $"M{P(x)},{P(y - r)} L{P(x + r)},{P(y)} L{P(x)},{P(y + r)} L{P(x - r)},{P(y)} Z",
            MilestoneStatus.Cancelled => $"M{P(x - r)},{P(y - r)} L{P(x + r)},{P(y + r)} M{P(x + r)},{P(y - r)} L{P(x - r)},{P(y + r)}",
            _ => $"M{P(x - r)},{P(y)} A{P(r)},{P(r)} 0 1,0 {P(x + r)},{P(y)} A{P(r)},{P(r)} 0 1,0 {P(x - r)},{P(y)} Z",
        };
    }
}
