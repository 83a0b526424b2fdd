using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.CommitteeCycle;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Plans;

/// <summary>
/// Where a strategy stands, verdict first: the overall state by the same rule as the committee briefing
/// (<see cref="StrategyVerdict"/>), then what needs attention (overdue, then at risk or delayed with the
/// owner's latest comment), then per focus area its milestones by state and the next one. A fixed number of
/// SQL commands and a bounded page, whatever the size of the plan.
/// </summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class DashboardModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int NextPerFocusArea = 1;

    public const int ListLimit = 10;

    public Strategy Strategy { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public StrategyVerdict Verdict { get; private set; } = StrategyVerdict.Empty;

    public IReadOnlyList<FocusAreaPanel> Panels { get; private set; } = [];

    public IReadOnlyList<MilestoneRow> Overdue { get; private set; } = [];

    public int OverdueCount => Verdict.Overdue;

    /// <summary>At risk or delayed and not overdue: an overdue milestone is listed once, under overdue, as in the briefing.</summary>
    public IReadOnlyList<MilestoneRow> AtRisk { get; private set; } = [];

    public IReadOnlyDictionary<int, string?> LatestComments { get; private set; } = new Dictionary<int, string?>();

    public EffectPanel Effect { get; private set; } = EffectPanel.Empty;

    /// <summary>Decisions asked of the committee and not yet answered ("Til beslutning"), at most <see cref="ListLimit"/>.</summary>
    public IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];

    public int AtRiskCount => Verdict.AtRisk + Verdict.Delayed;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var heading = await CurrentStrategy.FindAsync(db, id, cancellationToken);
        if (heading is null)
        {
            return id is null ? RedirectToPage("/Index") : NotFound();
        }

        Strategy = await db.Strategies.AsNoTracking().Include(s => s.KeyDates).FirstAsync(s => s.Id == heading.Id, cancellationToken);
        var today = Today = clock.Today();

        var focusAreas = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == heading.Id)
            .OrderBy(f => f.SortOrder)
            .Select(f => new FocusAreaTag(f.Id, f.SortOrder, f.Title))
            .ToListAsync(cancellationToken);

        var milestones = db.Milestones.AsNoTracking().Where(m => m.StrategyId == heading.Id);
        Verdict = (await StrategyVerdict.LoadAsync(milestones, today, cancellationToken)).GetValueOrDefault(heading.Id) ?? StrategyVerdict.Empty;
        var byArea = await FocusAreas.FocusAreaStandings.CountsAsync(milestones, null, today, cancellationToken);

        var open = milestones.Where(m => m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled);
        Overdue = await open.Where(m => (m.ForecastDate ?? m.Timing.End) < today)
            .InListOrder().Take(ListLimit).ToRows().ToListAsync(cancellationToken);
        AtRisk = await open.Where(m => (m.Status == MilestoneStatus.AtRisk || m.Status == MilestoneStatus.Delayed) && (m.ForecastDate ?? m.Timing.End) >= today)
            .InListOrder().Take(ListLimit).ToRows().ToListAsync(cancellationToken);
        LatestComments = await LatestComment.LoadAsync(db, AtRisk.Select(r => r.Id).ToList(), cancellationToken);

        // The next per focus area, as one UNION ALL command rather than one query per area.
        var upcoming = open.Where(m => (m.ForecastDate ?? m.Timing.End) >= today);
        // Aggregate runs at once and has nothing to start from when the strategy has no focus areas yet.
        var nextRows = focusAreas.Count == 0 ? [] : await focusAreas
            .Select(area => upcoming.Where(m => m.FocusAreas.Any(f => f.Id == area.Id))
                .InListOrder().Take(NextPerFocusArea)
                .Select(m => new { FocusAreaId = area.Id, m.Id, m.Title, m.Timing }))
            .Aggregate((all, area) => all.Concat(area))
            .ToListAsync(cancellationToken);

        Effect = await EffectPanel.LoadAsync(db, heading.Id, cancellationToken);
        Decisions = await DecisionQueries.Of(db, heading.Id).Open().Take(ListLimit).ToRows().ToListAsync(cancellationToken);

        var standings = await FocusAreas.FocusAreaStandings.LoadAsync(db.FocusAreas.Where(f => f.StrategyId == heading.Id), byArea, cancellationToken);
        Panels = focusAreas.Select(area => new FocusAreaPanel(
                area,
                StrategyVerdict.Of(byArea.Where(c => c.Key == area.Id)),
                standings[area.Id],
                nextRows.Where(n => n.FocusAreaId == area.Id).Select(n => new NextMilestone(n.Id, n.Title, n.Timing)).ToList()))
            .ToList();
        return Page();
    }
}

public sealed record FocusAreaPanel(FocusAreaTag FocusArea, StrategyVerdict Verdict, FocusAreas.FocusAreaStanding Standing, IReadOnlyList<NextMilestone> Next);

public sealed record NextMilestone(int Id, string Title, PlannedTiming Timing);
