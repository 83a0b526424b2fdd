using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.FocusAreas;

/// <summary>A strategy's focus areas in order, each with its milestones counted by status. Five SQL commands, whatever the size of the plan.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    public StrategyHeading? Strategy { get; private set; }

    public IReadOnlyList<FocusAreaSummary> FocusAreas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Strategy = await CurrentStrategy.FindAsync(db, StrategyId, cancellationToken);
        if (Strategy is null)
        {
            return StrategyId is null ? RedirectToPage("/Index") : NotFound();
        }

        var areas = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == Strategy.Id)
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Title)
            .Select(f => new { f.Id, f.SortOrder, f.Title, f.Description, f.Aims })
            .ToListAsync(cancellationToken);

        var counts = await db.Milestones.AsNoTracking()
            .Where(m => m.StrategyId == Strategy.Id)
            .SelectMany(m => m.FocusAreas, (m, f) => new { FocusAreaId = f.Id, m.Status })
            .GroupBy(x => new { x.FocusAreaId, x.Status })
            .Select(g => new { g.Key.FocusAreaId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byArea = counts.ToLookup(c => c.FocusAreaId);
        var standings = await FocusAreaStandings.LoadAsync(db, db.FocusAreas.Where(f => f.StrategyId == Strategy.Id), Shared.DanishTime.Today(clock), cancellationToken);

        FocusAreas = areas
            .Select(a => new FocusAreaSummary(a.Id, a.SortOrder, a.Title, a.Description, a.Aims, byArea[a.Id].ToDictionary(c => c.Status, c => c.Count), standings[a.Id]))
            .ToList();
        return Page();
    }
}

public sealed record FocusAreaSummary(int Id, int SortOrder, string Title, string? Description, string? Aims, IReadOnlyDictionary<MilestoneStatus, int> ByStatus, FocusAreaStanding Standing)
{
    public int MilestoneCount => ByStatus.Values.Sum();
}
