using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Demo;

/// <summary>
/// Invented data that makes the demo's plan look in flight (<see cref="DemoOptions.ExampleData"/>). Every
/// piece says "Eksempeldata" where it shows: the plan itself says nothing of its progress, of meeting
/// dates or of the people in the units. Only what has happened by the demo's today is added, in the order
/// it happened, so a briefing issued for an earlier meeting shows the plan as it stood then.
/// </summary>
public sealed class DemoExamples(AppDbContext db, IServiceProvider services, TimeProvider clock, ILogger<DemoExamples> logger)
{
    public const string Mark = "Eksempeldata";
    public const string StatusUpdatedBy = "Lars Leder";
    private const string Leader = "leder@demo.local";

    /// <summary>Persons in the units invited to the theme day, so its reminders reach someone.</summary>
    public static readonly IReadOnlyList<(string Unit, string Name, string Title, string Email)> Persons =
    [
        ("Børne- og Familierådgivningen", "Sofie Holm", "Socialrådgiver", "sofie.holm@demo.local"),
        ("Børne- og Familierådgivningen", "Jonas Kjær", "Socialrådgiver", "jonas.kjaer@demo.local"),
        ("Familiehuset", "Camilla Bach", "Familiebehandler", "camilla.bach@demo.local"),
        ("Sundhedsplejen", "Hanne Lund", "Sundhedsplejerske", "hanne.lund@demo.local"),
        ("FTI", "Peter Dahl", "Familieterapeut", "peter.dahl@demo.local"),
        ("BUCN", "Mads Friis", "Pædagogisk leder", "mads.friis@demo.local"),
        ("UngNorddjurs", "Line Skov", "Ungevejleder", "line.skov@demo.local"),
    ];

    /// <summary>The committee's meetings (the plan names none) and when each one's briefing was issued.</summary>
    public static readonly IReadOnlyList<(DateOnly Meeting, DateOnly Deadline, DateOnly? IssuedOn, string Statement)> Meetings =
    [
        (new(2024, 9, 24), new(2024, 9, 17), new(2024, 9, 16), Mark + ": Strategien er vedtaget, og arbejdet med milepælene går i gang i efteråret."),
        (new(2024, 11, 19), new(2024, 11, 12), new(2024, 11, 11), Mark + ": Afdækningsdagen er holdt. Den nye tilbudsvifte er i risiko for at blive forsinket; forvaltningen vender tilbage med en plan."),
        (new(2025, 1, 28), new(2025, 1, 21), null, string.Empty),
    ];

    /// <summary>Status updates the demo's department head made, by day.</summary>
    public static readonly IReadOnlyList<(DateOnly On, string Milestone, MilestoneStatus Status, int Progress, DateOnly? Forecast, string Comment)> Updates =
    [
        (new(2024, 10, 7), "Budgetskitse 2025-2028 godkendes", MilestoneStatus.InProgress, 50, null, Mark + ": Budgetskitsen er sendt til politisk behandling i budgetforhandlingerne."),
        (new(2024, 10, 14), "Afdækningsdag for den samlede ledelse", MilestoneStatus.Done, 100, null, Mark + ": Dagen er holdt med den samlede ledelse og Social- og Boligstyrelsen. Opsamlingen er sendt rundt."),
        (new(2024, 11, 4), "Temadag om forankring af strategien", MilestoneStatus.InProgress, 40, null, Mark + ": Program og lokale er på plads; invitationerne er sendt til enhederne."),
        (new(2024, 11, 8), AtRiskMilestone, MilestoneStatus.AtRisk, 10, new(2025, 9, 30), Mark + ": Kortlægningen af tilbuddene er forsinket."),
    ];

    public const string AtRiskMilestone = "Ny tilbudsvifte på anbringelsesområdet";

    /// <summary>The at-risk update's structured explanation, and the decision it asks of the committee's November meeting (still unanswered on the demo's day).</summary>
    public static readonly (string Reason, string ForPlan, string ForFamilies, string NextStep, DateOnly NextStepDate, string Question) AtRiskExplanation =
    (
        Mark + ": To leverandører kan først levere data om deres tilbud i januar, så kortlægningen af de eksisterende tilbud tager længere tid end ventet.",
        Mark + ": Den nye tilbudsvifte kan tidligst være klar i 3. kvartal 2025; opdateringen af BUCN's indsatskataloger venter på den.",
        Mark + ": Familierne får de nuværende tilbud et halvt år længere, før de mere målrettede tilbud er på plads.",
        Mark + ": Forvaltningen samler data fra de øvrige leverandører og lægger en revideret tidsplan frem.",
        new(2024, 12, 16),
        Mark + ": Godkende at den nye tilbudsvifte flyttes fra 1. halvår 2025 til 3. kvartal 2025."
    );

    public async Task AddAsync(int strategyId, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        await AddPersonsAsync(cancellationToken);
        await HideFiguresNotYetKnownAsync(strategyId, today, cancellationToken);
        var strategy = await db.Strategies.Include(s => s.Committee).SingleAsync(s => s.Id == strategyId, cancellationToken);
        if (strategy.Committee is null)
        {
            logger.LogWarning("The demo plan has no committee; no example meetings are added");
            return;
        }

        var meetings = Meetings.Select(m => new CommitteeMeeting
        {
            CommitteeId = strategy.Committee.Id,
            MeetingDate = m.Meeting,
            BriefingDeadline = m.Deadline,
            StartTime = new TimeOnly(16, 0),
            Location = "Rådhuset, Grenaa",
            Notes = Mark + ": mødedatoen er opfundet til demoen; planen nævner ingen mødedatoer.",
        }).ToList();
        db.CommitteeMeetings.AddRange(meetings);
        await db.SaveChangesAsync(cancellationToken);

        var leader = await db.Users.Where(u => u.Email == Leader).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        var steps = Updates.Select(u => (On: u.On, Act: (Func<Task>)(() => UpdateAsync(strategyId, u, leader, cancellationToken))))
            .Concat(Meetings.Select((m, i) => (m, i)).Where(x => x.m.IssuedOn is not null)
                .Select(x => (On: x.m.IssuedOn!.Value, Act: (Func<Task>)(() => IssueAsync(strategyId, meetings[x.i].Id, x.m.IssuedOn!.Value, x.m.Statement, cancellationToken)))))
            .Where(s => s.On <= today)
            .OrderBy(s => s.On);
        foreach (var step in steps)
        {
            await step.Act();
        }

        logger.LogInformation("Demo example data added as of {Today}", today);
    }

    /// <summary>
    /// The plan's invented indicator series run into 2025; on the demo's day a figure for a period not yet
    /// over could not exist. The sources' own figures are left as they are.
    /// </summary>
    private async Task HideFiguresNotYetKnownAsync(int strategyId, DateOnly today, CancellationToken cancellationToken) =>
        await db.IndicatorMeasurements
            .Where(m => m.Indicator!.StrategyId == strategyId && m.Indicator.IsExampleData && m.Period.End >= today)
            .ExecuteDeleteAsync(cancellationToken);

    private async Task AddPersonsAsync(CancellationToken cancellationToken)
    {
        var units = await db.Stakeholders.Where(s => s.Kind == StakeholderKind.Unit).ToDictionaryAsync(s => s.Name, cancellationToken);
        foreach (var (unit, name, title, email) in Persons)
        {
            if (units.TryGetValue(unit, out var found))
            {
                db.Stakeholders.Add(new Stakeholder
                {
                    Kind = StakeholderKind.Person,
                    Name = name,
                    Title = $"{title} ({Mark})",
                    Email = email,
                    UnitId = found.Id,
                    Description = Mark + ": en opfundet person, så demoens påmindelser om temadagen når nogen.",
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task UpdateAsync(int strategyId, (DateOnly On, string Milestone, MilestoneStatus Status, int Progress, DateOnly? Forecast, string Comment) update, string? leaderId, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.StrategyId == strategyId && m.Title == update.Milestone, cancellationToken);
        if (milestone is null)
        {
            return;
        }

        var at = ToUtc(update.On.ToDateTime(new TimeOnly(10, 0)));
        milestone.StatusUpdates.Add(new MilestoneStatusUpdate
        {
            UpdatedById = leaderId,
            UpdatedByName = StatusUpdatedBy,
            UpdatedAtUtc = at,
            OldStatus = milestone.Status,
            NewStatus = update.Status,
            OldProgressPercent = milestone.ProgressPercent,
            NewProgressPercent = update.Progress,
            OldForecastDate = milestone.ForecastDate,
            NewForecastDate = update.Forecast,
            Comment = update.Comment,
        });
        if (update.Milestone == AtRiskMilestone)
        {
            var e = AtRiskExplanation;
            var row = milestone.StatusUpdates[^1];
            (row.Reason, row.ConsequenceForPlan, row.ConsequenceForFamilies, row.NextStep, row.NextStepDate) = (e.Reason, e.ForPlan, e.ForFamilies, e.NextStep, e.NextStepDate);
            var november = await db.CommitteeMeetings.Where(m => m.MeetingDate == Meetings[1].Meeting).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
            db.CommitteeDecisions.Add(new CommitteeDecision { Milestone = milestone, Question = e.Question, CommitteeMeetingId = november, AskedById = leaderId, AskedByName = StatusUpdatedBy, AskedAtUtc = at });
        }

        milestone.Status = update.Status;
        milestone.ProgressPercent = update.Progress;
        milestone.ForecastDate = update.Forecast;
        milestone.CompletedOn = update.Status == MilestoneStatus.Done ? update.On : null;
        milestone.LastStatusUpdateAtUtc = at;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Issued through the site's own archive, on a clock set to that day: the PDF shows the plan as it stood.</summary>
    private async Task IssueAsync(int strategyId, int meetingId, DateOnly on, string statement, CancellationToken cancellationToken)
    {
        var then = new FixedClock(ToUtc(on.ToDateTime(new TimeOnly(9, 0))));
        var snapshots = ActivatorUtilities.CreateInstance<SnapshotBuilder>(services, db, then);
        var cycle = ActivatorUtilities.CreateInstance<BriefingCommitteeCycle>(services, db, snapshots, then);
        var builder = ActivatorUtilities.CreateInstance<BriefingModelBuilder>(services, db, then, cycle);
        var archive = ActivatorUtilities.CreateInstance<BriefingArchive>(services, db, builder, then, snapshots);
        await archive.IssueAsync(strategyId, meetingId, statement, issuedById: null, issuedByName: "Anne Administrator", automaticKey: null, cancellationToken);
    }

    private static DateTime ToUtc(DateTime danish) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(danish, DateTimeKind.Unspecified), DanishTime.Zone);

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
