using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.FocusAreas;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Plans;

/// <summary>
/// Everything the dashboard reads about a strategy on a day, the same for every reader, so it is kept as one read model
/// (<see cref="PageCache.ReadModels"/>). What a person may do with it (quick forms, answering decisions, small numbers)
/// is left to the page. A fixed number of SQL commands, whatever the size of the plan.
/// </summary>
public sealed record DashboardData(
    Strategy Strategy,
    DateOnly Today,
    StrategyVerdict Verdict,
    IReadOnlyList<FocusAreaPanel> Panels,
    IReadOnlyList<MilestoneRow> Overdue,
    IReadOnlyList<MilestoneRow> AtRisk,
    IReadOnlyDictionary<int, string?> LatestComments,
    EffectPanel Effect,
    IReadOnlyList<DecisionRow> Decisions)
{
    public const int NextPerFocusArea = 1;

    public const int ListLimit = 10;

    /// <summary>The strategy asked for, or without an id the first active one; null when there is none.</summary>
    public static async Task<DashboardData?> LoadAsync(AppDbContext db, int? id, DateOnly today, CancellationToken cancellationToken)
    {
        var heading = await CurrentStrategy.FindAsync(db, id, cancellationToken);
        if (heading is null)
        {
            return null;
        }

        var strategy = await db.Strategies.AsNoTracking().Include(s => s.KeyDates).FirstAsync(s => s.Id == heading.Id, cancellationToken);

        var focusAreas = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == heading.Id)
            .OrderBy(f => f.SortOrder)
            .Select(f => new FocusAreaTag(f.Id, f.SortOrder, f.Title))
            .ToListAsync(cancellationToken);

        var milestones = db.Milestones.AsNoTracking().Where(m => m.StrategyId == heading.Id);
        var verdict = (await StrategyVerdict.LoadAsync(milestones, today, cancellationToken)).GetValueOrDefault(heading.Id) ?? StrategyVerdict.Empty;
        var byArea = await FocusAreaStandings.CountsAsync(milestones, null, today, cancellationToken);

        var open = milestones.Where(m => m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled);
        var overdue = await open.Where(m => (m.ForecastDate ?? m.Timing.End) < today)
            .InListOrder().Take(ListLimit).ToRows().ToListAsync(cancellationToken);
        var atRisk = await open.Where(m => (m.Status == MilestoneStatus.AtRisk || m.Status == MilestoneStatus.Delayed) && (m.ForecastDate ?? m.Timing.End) >= today)
            .InListOrder().Take(ListLimit).ToRows().ToListAsync(cancellationToken);
        var latestComments = await LatestComment.LoadAsync(db, atRisk.Select(r => r.Id).ToList(), cancellationToken);

        // The next per focus area, as one UNION ALL command rather than one query per area.
        var upcoming = open.Where(m => (m.ForecastDate ?? m.Timing.End) >= today);
        // Aggregate runs at once and has nothing to start from when the strategy has no focus areas yet.
        var nextRows = focusAreas.Count == 0 ? [] : await focusAreas
            .Select(area => upcoming.Where(m => m.FocusAreas.Any(f => f.Id == area.Id))
                .InListOrder().Take(NextPerFocusArea)
                .Select(m => new { FocusAreaId = area.Id, m.Id, m.Title, m.Timing }))
            .Aggregate((all, area) => all.Concat(area))
            .ToListAsync(cancellationToken);

        var effect = await EffectPanel.LoadAsync(db, heading.Id, cancellationToken);
        var decisions = await DecisionQueries.Of(db, heading.Id).Open().Take(ListLimit).ToRows().ToListAsync(cancellationToken);

        var standings = await FocusAreaStandings.LoadAsync(db.FocusAreas.Where(f => f.StrategyId == heading.Id), byArea, cancellationToken);
        var panels = focusAreas.Select(area => new FocusAreaPanel(
                area,
                StrategyVerdict.Of(byArea.Where(c => c.Key == area.Id)),
                standings[area.Id],
                nextRows.Where(n => n.FocusAreaId == area.Id).Select(n => new NextMilestone(n.Id, n.Title, n.Timing)).ToList()))
            .ToList();
        return new DashboardData(strategy, today, verdict, panels, overdue, atRisk, latestComments, effect, decisions);
    }
}

public sealed record FocusAreaPanel(FocusAreaTag FocusArea, StrategyVerdict Verdict, FocusAreaStanding Standing, IReadOnlyList<NextMilestone> Next);

public sealed record NextMilestone(int Id, string Title, PlannedTiming Timing);
