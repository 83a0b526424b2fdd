using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Timeline;

namespace PreventionStrategy.Web.Tests.Timeline;

public sealed class TimelineLayoutTests
{
    private static readonly TimelineLaneDefinition[] Lanes = [new("1", "1. Netværk"), new("2", "2. Familiepleje")];
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 12, 31);

    [Fact]
    public void A_dated_milestone_is_a_point_and_a_quarter_is_a_bar_over_the_whole_quarter()
    {
        var day = PlannedTiming.OnDay(new DateOnly(2025, 2, 28));
        var quarter = PlannedTiming.InQuarter(2025, 1);

        var layout = Create(Milestone(1, day, "1"), Milestone(2, quarter, "1"));

        var items = layout.Lanes[0].Items.ToDictionary(i => i.MilestoneId);
        Assert.True(items[1].IsPoint);
        Assert.False(items[2].IsPoint);
        Assert.Equal(new DateOnly(2025, 1, 1), items[2].Start);
        Assert.Equal(new DateOnly(2025, 3, 31), items[2].End);
        Assert.Equal(0.25, layout.EndFraction(items[2]), 2);
    }

    [Fact]
    public void A_milestone_in_two_focus_areas_appears_in_both_lanes_and_one_in_none_gets_its_own_lane()
    {
        var layout = Create(Milestone(1, PlannedTiming.InMonth(2025, 3), "1", "2"), Milestone(2, PlannedTiming.InMonth(2025, 4)));

        Assert.Equal(["1", "2", TimelineLayout.UnassignedLaneKey], layout.Lanes.Select(l => l.Key));
        Assert.Contains(layout.Lanes[0].Items, i => i.MilestoneId == 1);
        Assert.Contains(layout.Lanes[1].Items, i => i.MilestoneId == 1);
        Assert.Equal([2], layout.Lanes[2].Items.Select(i => i.MilestoneId));
        Assert.Equal("Uden fokusområde", layout.Lanes[2].Label);
    }

    [Fact]
    public void Overlapping_periods_in_a_lane_get_separate_rows_and_later_ones_reuse_a_free_row()
    {
        var layout = Create(
            Milestone(1, PlannedTiming.InHalfYear(2025, 1), "1"),
            Milestone(2, PlannedTiming.InQuarter(2025, 2), "1"),
            Milestone(3, PlannedTiming.InQuarter(2025, 3), "1"));

        var rows = layout.Lanes[0].Items.ToDictionary(i => i.MilestoneId, i => i.Row);
        Assert.NotEqual(rows[1], rows[2]);
        Assert.Equal(0, rows[3]);
        Assert.Equal(2, layout.Lanes[0].RowCount);
    }

    [Fact]
    public void Periods_outside_the_range_are_left_out_and_those_crossing_it_are_clipped()
    {
        var layout = Create(
            Milestone(1, PlannedTiming.InYear(2024), "1"),
            Milestone(2, PlannedTiming.InHalfYear(2025, 2), "1"),
            Milestone(3, PlannedTiming.OnDay(new DateOnly(2026, 1, 5)), "1"));

        var item = Assert.Single(layout.Lanes[0].Items);
        Assert.Equal(2, item.MilestoneId);
        Assert.False(item.EndsAfterRange);

        var clipped = TimelineLayout.Create(Lanes, [Milestone(4, PlannedTiming.InYear(2025), "2")], new DateOnly(2025, 4, 1), To, "Uden fokusområde");
        var bar = Assert.Single(clipped.Lanes[1].Items);
        Assert.Equal(new DateOnly(2025, 4, 1), bar.Start);
        Assert.True(bar.StartsBeforeRange);
    }

    [Fact]
    public void Quarter_starts_cover_the_range()
    {
        var layout = Create();

        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1), new DateOnly(2025, 10, 1)], layout.QuarterStarts());
    }

    private static TimelineLayout Create(params TimelineMilestone[] milestones) => TimelineLayout.Create(Lanes, milestones, From, To, "Uden fokusområde");

    private static TimelineMilestone Milestone(int id, PlannedTiming timing, params string[] lanes) =>
        new(id, $"Milepæl {id}", lanes, timing.Start, timing.End, timing.Precision, MilestoneStatus.Planned);
}
