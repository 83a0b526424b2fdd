using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// Milestones with status history are archived rather than deleted; they are hidden everywhere
/// else (a query filter on <see cref="Milestone"/>). Here administrators see them and restore them.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ArchiveModel(AppDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<ArchivedMilestone> Milestones { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Milestones = await db.Milestones.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.IsArchived)
            .OrderBy(m => m.Strategy!.Name).ThenBy(m => m.Timing.Start).ThenBy(m => m.Title).ThenBy(m => m.Id)
            .Select(m => new ArchivedMilestone(m.Id, m.Title, m.StrategyId, m.Strategy!.Name, m.Timing, m.Status, m.StatusUpdates.Count))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == id && m.IsArchived, cancellationToken);
        if (milestone is null)
        {
            return NotFound();
        }

        milestone.IsArchived = false;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = localizer["Archive.Restored", milestone.Title].Value;
        return RedirectToPage("/Milestones/Details", new { id });
    }
}

public sealed record ArchivedMilestone(int Id, string Title, int StrategyId, string StrategyName, PlannedTiming Timing, MilestoneStatus Status, int StatusUpdateCount);
