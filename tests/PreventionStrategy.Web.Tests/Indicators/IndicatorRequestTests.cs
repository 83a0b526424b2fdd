using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Reminders;

namespace PreventionStrategy.Web.Tests.Indicators;

/// <summary>The reporting duty, through the reminder job and a real SMTP server on loopback.</summary>
public sealed class IndicatorRequestTests(ReminderSite fixture) : IClassFixture<ReminderSite>
{
    private SiteFactory Site => fixture.Site;

    [Fact]
    public async Task The_owner_is_asked_once_for_the_figures_missing_before_the_meeting_even_when_the_job_runs_twice_and_concurrently()
    {
        var id = MilestoneTestData.Unique();
        var owner = $"indberetter-{id}@norddjurs.test";
        var ownerId = await Site.CreateUserAsync(owner, "Ida Ågesen", Roles.DepartmentHead, null);
        var deadline = MilestoneTestData.DanishToday.AddDays(7);
        var (strategyId, committeeId) = await StrategyAsync(id);
        var reported = await IndicatorAsync(strategyId, $"Indberettet {id}", ownerId, TimingPrecision.Year, withDueFigure: true, deadline);
        var missing = await IndicatorAsync(strategyId, $"Mangler {id}", ownerId, TimingPrecision.Quarter, withDueFigure: false, deadline);
        var meetingId = await MeetingAsync(committeeId, deadline);

        await fixture.RunJobAsync();
        await Task.WhenAll(fixture.RunJobAsync(), fixture.RunJobAsync());

        var request = Assert.Single(fixture.Smtp.Messages().To(owner), m => m.Subject?.StartsWith("Indberet tal før ", StringComparison.Ordinal) == true);
        var due = IndicatorPeriods.LastEndedBefore(deadline, TimingPrecision.Quarter);
        Assert.Contains($"Mangler {id}", request.TextBody);
        Assert.Contains($"http://localhost/Indicators/Measurements/{missing.Id}?period={IndicatorPeriods.Key(due)}", request.TextBody);
        Assert.DoesNotContain($"Indberettet {id}", request.TextBody);
        Assert.DoesNotContain($"/Indicators/Measurements/{reported.Id}", request.TextBody);
        Assert.Contains("Kære Ida Ågesen", request.TextBody);
        await using var db = Site.CreateDbContext();
        Assert.Equal(DeliveryState.Sent, (await db.Deliveries.SingleAsync(d => d.Key == IndicatorRequestPlanner.Key(meetingId, ownerId))).State);
    }

    [Fact]
    public async Task An_owner_who_reports_between_planning_and_sending_gets_no_request()
    {
        var id = MilestoneTestData.Unique();
        var owner = $"hurtig-{id}@norddjurs.test";
        var ownerId = await Site.CreateUserAsync(owner, "Hans Hurtig", Roles.DepartmentHead, null);
        var deadline = MilestoneTestData.DanishToday.AddDays(6);
        var (strategyId, committeeId) = await StrategyAsync(id);
        var indicator = await IndicatorAsync(strategyId, $"Hurtig {id}", ownerId, TimingPrecision.HalfYear, withDueFigure: false, deadline);
        var meetingId = await MeetingAsync(committeeId, deadline);

        using (var scope = Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderJob>().PlanAsync(CancellationToken.None);
        }

        await using (var db = Site.CreateDbContext())
        {
            var period = IndicatorPeriods.LastEndedBefore(deadline, TimingPrecision.HalfYear);
            db.IndicatorMeasurements.Add(new IndicatorMeasurement { IndicatorId = indicator.Id, Period = period, PeriodKey = IndicatorPeriods.Key(period), Total = 5, EnteredByName = "Hans Hurtig", EnteredAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await fixture.RunJobAsync();

        Assert.DoesNotContain(fixture.Smtp.Messages().To(owner), m => m.Subject?.StartsWith("Indberet tal", StringComparison.Ordinal) == true);
        await using var check = Site.CreateDbContext();
        var delivery = await check.Deliveries.SingleAsync(d => d.Key == IndicatorRequestPlanner.Key(meetingId, ownerId));
        Assert.Equal(DeliveryState.Skipped, delivery.State);
    }

    /// <summary>A strategy of its own reporting to a committee of its own, so other tests' meetings ask nothing of its owners.</summary>
    private async Task<(int StrategyId, int CommitteeId)> StrategyAsync(string id)
    {
        await using var db = Site.CreateDbContext();
        var strategy = new Strategy { Name = $"Strategi {id}", Municipality = "Norddjurs Kommune", Division = "Børne- og Familieområdet", Committee = new Committee { Name = $"Udvalg {id}", Municipality = "Norddjurs Kommune" } };
        db.Strategies.Add(strategy);
        await db.SaveChangesAsync();
        return (strategy.Id, strategy.CommitteeId!.Value);
    }

    private async Task<Indicator> IndicatorAsync(int strategyId, string name, string ownerId, TimingPrecision frequency, bool withDueFigure, DateOnly deadline)
    {
        await using var db = Site.CreateDbContext();
        var indicator = new Indicator { StrategyId = strategyId, Name = name, OwnerId = ownerId, Frequency = frequency, Kind = IndicatorKind.Target, Unit = IndicatorUnit.Count };
        var due = IndicatorPeriods.LastEndedBefore(deadline, frequency);
        var earlier = IndicatorPeriods.Previous(due);
        indicator.Measurements.Add(new IndicatorMeasurement { Period = earlier, PeriodKey = IndicatorPeriods.Key(earlier), Total = 10, EnteredByName = "Test", EnteredAtUtc = DateTime.UtcNow });
        if (withDueFigure)
        {
            indicator.Measurements.Add(new IndicatorMeasurement { Period = due, PeriodKey = IndicatorPeriods.Key(due), Total = 9, EnteredByName = "Test", EnteredAtUtc = DateTime.UtcNow });
        }

        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator;
    }

    private async Task<int> MeetingAsync(int committeeId, DateOnly deadline)
    {
        await using var db = Site.CreateDbContext();
        var meeting = new CommitteeMeeting { CommitteeId = committeeId, MeetingDate = deadline.AddDays(7), BriefingDeadline = deadline };
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }
}
