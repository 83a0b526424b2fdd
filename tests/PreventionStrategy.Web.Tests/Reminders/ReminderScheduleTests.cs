using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Reminders;

namespace PreventionStrategy.Web.Tests.Reminders;

/// <summary>When reminders fall due, and the rule for those missed while the site was down.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly ReminderOptions Options = new() { DaysBefore = [14, 3, 1], SendFromHour = 7 };
    private static readonly DateOnly Event = new(2026, 12, 10);
    private static readonly TimeOnly NineOClock = new(9, 0);

    /// <summary>Danish local time (winter: UTC+1) as UTC.</summary>
    private static DateTime Danish(int month, int day, int hour, int minute = 0) => new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-1);

    [Theory]
    [InlineData(11, 25, 12, null)] // 15 days before: nothing yet
    [InlineData(11, 26, 6, null)] // 14 days before, before seven o'clock
    [InlineData(11, 26, 7, 14)]
    [InlineData(12, 6, 12, 14)]
    [InlineData(12, 7, 7, 3)]
    [InlineData(12, 9, 7, 1)]
    [InlineData(12, 10, 8, 1)] // the day itself, before the start: the last one may still go
    [InlineData(12, 10, 9, null)] // started
    [InlineData(12, 11, 12, null)] // passed
    public void The_reminder_due_is_the_one_nearest_the_event_whose_time_has_come(int month, int day, int hour, int? expected)
    {
        Assert.Equal(expected, ReminderSchedule.DueNow(Event, NineOClock, [14, 3, 1], Danish(month, day, hour), Options));
    }

    [Fact]
    public void Reminders_missed_during_downtime_collapse_into_the_latest_one_while_the_event_is_ahead()
    {
        // Down from 20 November until 9 December at noon: the 14- and 3-day reminders were missed.
        Assert.Equal(1, ReminderSchedule.DueNow(Event, NineOClock, [14, 3, 1], Danish(12, 9, 12), Options));
    }

    [Fact]
    public void An_all_day_event_takes_no_reminders_on_its_own_day()
    {
        Assert.Equal(1, ReminderSchedule.DueNow(Event, null, [14, 3, 1], Danish(12, 9, 23), Options));
        Assert.Null(ReminderSchedule.DueNow(Event, null, [14, 3, 1], Danish(12, 10, 0, 1), Options));
    }

    [Theory]
    [InlineData("14, 3, 1", new[] { 14, 3, 1 })]
    [InlineData("1;3 14", new[] { 14, 3, 1 })]
    [InlineData("7,7,2", new[] { 7, 2 })]
    [InlineData("0", new[] { 0 })]
    [InlineData("", new int[0])]
    public void Reminder_days_are_read_in_any_order_and_separator(string text, int[] expected)
    {
        Assert.True(ReminderSchedule.TryParseDays(text, out var days));
        Assert.Equal(expected, days);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("366")]
    [InlineData("1,2,3,4,5,6,7")]
    [InlineData("2.5")]
    public void Reminder_days_that_are_not_whole_days_in_range_are_refused(string text)
    {
        Assert.False(ReminderSchedule.TryParseDays(text, out _));
    }

    [Theory]
    [InlineData(MilestoneKind.ThemeDay, null, true)]
    [InlineData(MilestoneKind.MappingDay, null, true)]
    [InlineData(MilestoneKind.ThemeMeeting, null, true)]
    [InlineData(MilestoneKind.Deliverable, null, false)]
    [InlineData(MilestoneKind.Deliverable, true, true)]
    [InlineData(MilestoneKind.ThemeDay, false, false)]
    public void Reminders_follow_the_kind_unless_the_milestone_says_otherwise(MilestoneKind kind, bool? enabled, bool expected)
    {
        var milestone = new Milestone { Title = "x", Kind = kind, Timing = PlannedTiming.OnDay(Event), RemindersEnabled = enabled };
        Assert.Equal(expected, ReminderSchedule.HasReminders(milestone, Options));
    }

    [Fact]
    public void A_milestone_without_a_date_has_no_reminders()
    {
        var milestone = new Milestone { Title = "x", Kind = MilestoneKind.ThemeDay, Timing = PlannedTiming.InQuarter(2026, 4), RemindersEnabled = true };
        Assert.False(ReminderSchedule.HasReminders(milestone, Options));
    }
}
