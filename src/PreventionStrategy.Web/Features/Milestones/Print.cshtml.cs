using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// A milestone on one sheet of paper, for a meeting: what the details page says, without the
/// site's navigation, forms or buttons. Readable by everyone who may read the details page.
/// </summary>
public sealed class PrintModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Enough history to show where it is heading; the details page has all of it.</summary>
    public const int HistoryLimit = 5;

    public Milestone Milestone { get; private set; } = null!;

    public IReadOnlyList<MilestoneStatusUpdate> History { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Danish time of printing: a sheet on the table should say how fresh it is.</summary>
    public DateTime PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.AsNoTracking().AsSplitQuery()
            .Include(m => m.Strategy)
            .Include(m => m.Owner)
            .Include(m => m.FocusAreas.OrderBy(f => f.SortOrder))
            .Include(m => m.Stakeholders).ThenInclude(s => s.Stakeholder)
            .Include(m => m.Tasks.OrderBy(t => t.IsDone).ThenBy(t => t.DueDate)).ThenInclude(t => t.Owner)
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (milestone is null)
        {
            return NotFound();
        }

        Milestone = milestone;
        Today = clock.Today();
        PrintedAt = clock.Now();
        History = await db.MilestoneStatusUpdates.AsNoTracking()
            .Where(u => u.MilestoneId == id)
            .OrderByDescending(u => u.UpdatedAtUtc).ThenByDescending(u => u.Id)
            .Take(HistoryLimit)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
