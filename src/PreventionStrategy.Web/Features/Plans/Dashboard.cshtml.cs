using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.Plans;

/// <summary>
/// Where a strategy stands: per focus area the milestones by status and the next ones, and across
/// the strategy what is overdue and at risk. Six SQL commands, whatever the size of the plan.
/// </summary>
public sealed class DashboardModel(AppDbContext db, TimeProvider clock) : PageModel
{
    private const int NextPerFocusArea = 3;

    public Strategy Strategy { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<FocusAreaPanel> Panels { get; private set; } = [];

    public IReadOnlyList<MilestoneRow> Overdue { get; private set; } = [];

    public IReadOnlyList<MilestoneRow> AtRisk { get; private set; } = [];

    public IReadOnlyDictionary<MilestoneStatus, int> Totals { get; private set; } = new Dictionary<MilestoneStatus, int>();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var heading = await CurrentStrategy.FindAsync(db, id, cancellationToken);
        if (heading is null)
        {
            return id is null ? RedirectToPage("/Index") : NotFound();
        }

        Strategy = await db.Strategies.AsNoTracking().Include(s => s.KeyDates).FirstAsync(s => s.Id == heading.Id, cancellationToken);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

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
        var totals = await milestones
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Totals = totals.ToDictionary(t => t.Status, t => t.Count);

        // Only open milestones can be next, overdue or at risk; closed ones are counted above.
        var open = await db.WithFocusAreasAsync(
            await milestones
                .Where(m => m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled)
                .OrderBy(m => m.Timing.Start).ThenBy(m => m.Id)
                .ToRows()
                .ToListAsync(cancellationToken),
            cancellationToken);

        Overdue = open.Where(m => m.IsOverdue(Today)).ToList();
        AtRisk = open.Where(m => m.Status is MilestoneStatus.AtRisk or MilestoneStatus.Delayed).ToList();
        Panels = focusAreas.Select(area => new FocusAreaPanel(
                area,
                counts.Where(c => c.FocusAreaId == area.Id).ToDictionary(c => c.Status, c => c.Count),
                open.Where(m => m.FocusAreas.Any(f => f.Id == area.Id) && !m.IsOverdue(Today)).Take(NextPerFocusArea).ToList()))
            .ToList();
        return Page();
    }
}

public sealed record FocusAreaPanel(FocusAreaTag FocusArea, IReadOnlyDictionary<MilestoneStatus, int> ByStatus, IReadOnlyList<MilestoneRow> Next);
