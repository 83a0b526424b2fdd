using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Budget;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;

namespace PreventionStrategy.Web.Tests.Briefings;

/// <summary>
/// A strategy of its own with its own committee, planted in the real database for one test, so what
/// one test plants (milestones, budget lines, meetings) never shows up in another test's briefing.
/// </summary>
internal sealed class PlantedPlan
{
    private readonly SiteFactory site;

    private PlantedPlan(SiteFactory site, Strategy strategy, Committee committee, List<FocusArea> areas)
    {
        this.site = site;
        Strategy = strategy;
        Committee = committee;
        Areas = areas;
    }

    public Strategy Strategy { get; }

    public Committee Committee { get; }

    public List<FocusArea> Areas { get; }

    public static DateOnly Today => MilestoneTestData.DanishToday;

    public static async Task<PlantedPlan> CreateAsync(SiteFactory site, int focusAreas = 3)
    {
        var id = MilestoneTestData.Unique();
        await using var db = site.CreateDbContext();
        var committee = new Committee { Name = $"Planteudvalget {id}", Municipality = "Norddjurs Kommune" };
        var strategy = new Strategy { Name = $"Plantet strategi {id}", Municipality = "Norddjurs Kommune", Division = "Børne- og Familieområdet", Committee = committee };
        var areas = Enumerable.Range(1, focusAreas).Select(i => new FocusArea { Strategy = strategy, SortOrder = i, Title = $"Område {i}" }).ToList();
        db.AddRange(committee, strategy);
        db.AddRange(areas);
        await db.SaveChangesAsync();
        return new PlantedPlan(site, strategy, committee, areas);
    }

    public async Task<Milestone> MilestoneAsync(string title, PlannedTiming timing, MilestoneStatus status = MilestoneStatus.Planned, DateOnly? forecast = null, string? comment = null, params int[] areaIndexes)
    {
        await using var db = site.CreateDbContext();
        var areas = db.FocusAreas.Where(f => f.StrategyId == Strategy.Id).OrderBy(f => f.SortOrder).ToList();
        var milestone = new Milestone
        {
            StrategyId = Strategy.Id,
            Title = title,
            Timing = timing,
            Status = status,
            ForecastDate = forecast,
            FocusAreas = (areaIndexes.Length == 0 ? [0] : areaIndexes).Select(i => areas[i]).ToList(),
        };
        if (comment is not null)
        {
            milestone.StatusUpdates.Add(new MilestoneStatusUpdate { UpdatedAtUtc = DateTime.UtcNow.AddDays(-200), UpdatedByName = "Lars Leder", OldStatus = MilestoneStatus.Planned, NewStatus = status, Comment = comment });
        }

        db.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone;
    }

    public async Task BudgetAsync(string title, BudgetDecisionState state, int year, long amount)
    {
        await using var db = site.CreateDbContext();
        db.BudgetInitiatives.Add(new BudgetInitiative
        {
            StrategyId = Strategy.Id,
            BudgetSketch = "Budgetskitse 2026-2029",
            Title = title,
            DecisionState = state,
            Amounts = [new BudgetAmount { Year = year, AmountDkk = amount }],
        });
        await db.SaveChangesAsync();
    }

    public async Task<int> MeetingAsync(DateOnly date)
    {
        await using var db = site.CreateDbContext();
        var meeting = new CommitteeMeeting { CommitteeId = Committee.Id, MeetingDate = date, BriefingDeadline = date.AddDays(-2) };
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    public async Task<BriefingModel> BuildAsync(int? meetingId = null, string? statement = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var builder = ActivatorUtilities.CreateInstance<BriefingModelBuilder>(scope.ServiceProvider);
        return await builder.BuildAsync(Strategy.Id, meetingId, null, statement);
    }

    /// <summary>Keeps a copy for eyes when BRIEFING_OUT names a folder (pdftoppm it to look at the pages).</summary>
    public static byte[] Keep(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("BRIEFING_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
        }

        return pdf;
    }
}
