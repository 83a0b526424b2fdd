using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Plans;

/// <summary>
/// Where a strategy stands: per focus area the milestones by status and the next ones, and across
/// the strategy what is overdue and at risk (the first few, with a link to all of them). A fixed
/// number of SQL commands and a bounded page, whatever the size of the plan.
/// </summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class DashboardModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int NextPerFocusArea = 3;

    public const int ListLimit = 10;

    public Strategy Strategy { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<FocusAreaPanel> Panels { get; private set; } = [];

    public IReadOnlyList<MilestoneRow> Overdue { get; private set; } = [];

    public int OverdueCount { get; private set; }

    public IReadOnlyList<MilestoneRow> AtRisk { get; private set; } = [];

    public IReadOnlyDictionary<MilestoneStatus, int> Totals { get; private set; } = new Dictionary<MilestoneStatus, int>();

    public EffectPanel Effect { get; private set; } = EffectPanel.Empty;

    public int AtRiskCount => Totals.GetValueOrDefault(MilestoneStatus.AtRisk) + Totals.GetValueOrDefault(MilestoneStatus.Delayed);

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
        var counts = await milestones
            .SelectMany(m => m.FocusAreas, (m, f) => new { FocusAreaId = f.Id, m.Status })
            .GroupBy(x => new { x.FocusAreaId, x.Status })
            .Select(g => new { g.Key.FocusAreaId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Totals = (await milestones
                .GroupBy(m => m.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(t => t.Status, t => t.Count);

        var open = milestones.Where(m => m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled);
        var overdue = open.Where(m => (m.ForecastDate ?? m.Timing.End) < today);
        OverdueCount = await overdue.CountAsync(cancellationToken);
        Overdue = await overdue.OrderBy(m => m.ForecastDate ?? m.Timing.End).ThenBy(m => m.Id).Take(ListLimit).ToRows().ToListAsync(cancellationToken);
        AtRisk = await open.Where(m => m.Status == MilestoneStatus.AtRisk || m.Status == MilestoneStatus.Delayed)
            .OrderBy(m => m.Timing.Start).ThenBy(m => m.Id).Take(ListLimit).ToRows().ToListAsync(cancellationToken);

        // The next few per focus area, as one UNION ALL command rather than one query per area.
        var upcoming = open.Where(m => (m.ForecastDate ?? m.Timing.End) >= today);
        // Aggregate runs at once and has nothing to start from when the strategy has no focus areas yet.
        var nextRows = focusAreas.Count == 0 ? [] : await focusAreas
            .Select(area => upcoming.Where(m => m.FocusAreas.Any(f => f.Id == area.Id))
                .OrderBy(m => m.Timing.Start).ThenBy(m => m.Id).Take(NextPerFocusArea)
                .Select(m => new { FocusAreaId = area.Id, m.Id, m.Title, m.Timing }))
            .Aggregate((all, area) => all.Concat(area))
            .ToListAsync(cancellationToken);

        Effect = await EffectPanel.LoadAsync(db, heading.Id, cancellationToken);

        Panels = focusAreas.Select(area => new FocusAreaPanel(
                area,
                counts.Where(c => c.FocusAreaId == area.Id).ToDictionary(c => c.Status, c => c.Count),
                nextRows.Where(n => n.FocusAreaId == area.Id).Select(n => new NextMilestone(n.Id, n.Title, n.Timing)).ToList()))
            .ToList();
        return Page();
    }
}

public sealed record FocusAreaPanel(FocusAreaTag FocusArea, IReadOnlyDictionary<MilestoneStatus, int> ByStatus, IReadOnlyList<NextMilestone> Next);

public sealed record NextMilestone(int Id, string Title, PlannedTiming Timing);
