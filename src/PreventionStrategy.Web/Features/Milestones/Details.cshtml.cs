using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Milestones;

[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Milestone Milestone { get; private set; } = null!;

    public IReadOnlyList<MilestoneRow> Dependants { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title)> BudgetInitiatives { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public IReadOnlyList<MilestoneStatusUpdate> History { get; private set; } = [];

    public bool CanUpdate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.AsNoTracking().AsSplitQuery()
            .Include(m => m.Strategy)
            .Include(m => m.Owner)
            .Include(m => m.Precondition)
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
        Dependants = await db.Milestones.AsNoTracking().Where(m => m.PreconditionId == id).InListOrder().ToRows().ToListAsync(cancellationToken);
        var initiatives = await db.BudgetInitiatives.AsNoTracking()
            .Where(b => b.Milestones.Any(m => m.Id == id))
            .OrderBy(b => b.SortOrder)
            .Select(b => new { b.Id, b.Title })
            .ToListAsync(cancellationToken);
        BudgetInitiatives = initiatives.Select(b => (b.Id, b.Title)).ToList();
        History = await db.MilestoneStatusUpdates.AsNoTracking()
            .Where(u => u.MilestoneId == id)
            .OrderByDescending(u => u.UpdatedAtUtc).ThenByDescending(u => u.Id)
            .ToListAsync(cancellationToken);
        CanUpdate = MilestoneAccess.CanUpdate(User, milestone.OwnerId, milestone.Owner?.UnitId);
        return Page();
    }
}
