using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Calendar;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>
/// The demo site plus what the battery needs to aim at: a second strategy whose focus area,
/// milestone and meeting belong to something else, and one of each thing that only shows its
/// form when it exists (an archived milestone, a failed delivery, calendar feeds).
/// </summary>
public sealed class RobustnessSite : IAsyncLifetime
{
    public DemoSite Site { get; } = new();

    public OtherIds Other { get; private set; } = null!;

    /// <summary>Forms already run by an earlier page of the class (the same quick-update form is on several lists).</summary>
    public HashSet<string> FormsDone { get; } = [];

    public async Task InitializeAsync()
    {
        await Site.InitializeAsync();
        await using var db = Site.CreateDbContext();
        var committee = new Committee { Name = "Andet udvalg", Municipality = "Syddjurs Kommune" };
        committee.Meetings.Add(new CommitteeMeeting { MeetingDate = new DateOnly(2027, 3, 1), BriefingDeadline = new DateOnly(2027, 2, 20) });
        var strategy = new Strategy { Name = "Anden strategi", Municipality = "Syddjurs Kommune", Division = "Skole", Committee = committee };
        var focusArea = new FocusArea { Title = "Andet fokusområde", SortOrder = 1 };
        strategy.FocusAreas.Add(focusArea);
        var milestone = new Milestone { Title = "Anden milepæl", Timing = PlannedTiming.Create(TimingPrecision.Day, 2027, null, new DateOnly(2027, 4, 1)), FocusAreas = [focusArea] };
        milestone.Tasks.Add(new MilestoneTask { Title = "Anden opgave" });
        strategy.Milestones.Add(milestone);
        strategy.Milestones.Add(new Milestone { Title = "Arkiveret milepæl", Timing = PlannedTiming.Create(TimingPrecision.Quarter, 2027, 2, null), IsArchived = true });
        strategy.BudgetInitiatives.Add(new BudgetInitiative { Title = "Anden indsats", BudgetSketch = "Budget 2027" });
        db.Strategies.Add(strategy);
        var now = DateTime.UtcNow;

        // The Norddjurs plan names no meetings: one ahead, so its edit page and the briefing form have one.
        var nextMonth = DateOnly.FromDateTime(now).AddMonths(1);
        var demoMeeting = new CommitteeMeeting { CommitteeId = Site.Ids.Committee, MeetingDate = nextMonth, BriefingDeadline = nextMonth.AddDays(-7) };
        db.CommitteeMeetings.Add(demoMeeting);
        // More than a page of outbox, so its paging is there to be given bad page numbers.
        db.Deliveries.AddRange(Enumerable.Range(0, 60).Select(i => new Delivery
        {
            Key = $"robustness:sent:{i}",
            Kind = DeliveryKind.EventReminder,
            RecipientEmail = $"modtager{i}@example.dk",
            State = DeliveryState.Sent,
            Attempts = 1,
            CreatedAtUtc = now.AddMinutes(-i),
            NextAttemptAtUtc = now,
            SentAtUtc = now,
        }));
        db.Deliveries.Add(new Delivery
        {
            Key = "robustness:failed",
            Kind = DeliveryKind.EventReminder,
            RecipientEmail = "afvist@example.dk",
            State = DeliveryState.Failed,
            Attempts = 6,
            LastError = "550 unknown recipient",
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        });
        await db.SaveChangesAsync();

        // The department head's pages get a milestone (and below, an indicator) of their own that the administrator's battery leaves
        // alone (it may take milestone one's owner away), with a task.
        var ownMilestone = await db.Milestones
            .Where(m => m.StrategyId == Site.Ids.Strategy && m.Id != Site.Ids.Milestone && m.Owner!.Email == DemoUsers.DepartmentHead)
            .OrderBy(m => m.Id).FirstAsync();
        var ownTask = new MilestoneTask { MilestoneId = ownMilestone.Id, Title = "Robusthedsopgave" };
        db.MilestoneTasks.Add(ownTask);
        await db.SaveChangesAsync();

        var admin = await db.Users.Where(u => u.Email == DemoUsers.Administrator).Select(u => u.Id).FirstAsync();
        await FeedTokens.RegenerateForUserAsync(db, admin, now, CancellationToken.None);
        await FeedTokens.RegenerateForStrategyAsync(db, Site.Ids.Strategy, now, CancellationToken.None);

        Other = new OtherIds(
            strategy.Id,
            focusArea.Id,
            milestone.Id,
            milestone.Tasks[0].Id,
            committee.Meetings[0].Id,
            await db.Stakeholders.Where(s => s.Kind == StakeholderKind.Person).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            await db.Stakeholders.Where(s => s.Kind == StakeholderKind.Unit).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            ownMilestone.Id,
            ownTask.Id,
            demoMeeting.Id,
            await db.Indicators.Where(i => i.StrategyId == Site.Ids.Strategy && i.Id != Site.Ids.Indicator && i.Owner!.Email == DemoUsers.DepartmentHead)
                .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)Site).DisposeAsync();
}

/// <summary>
/// Ids the battery posts where they do not belong; the department head's own milestone and task;
/// and the demo meeting, whose edit page the matrix does not list.
/// </summary>
public sealed record OtherIds(int Strategy, int FocusArea, int Milestone, int Task, int Meeting, int Person, int Unit, int OwnMilestone, int OwnTask, int DemoMeeting, int OwnIndicator);
