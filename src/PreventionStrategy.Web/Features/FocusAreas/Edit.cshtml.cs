using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.FocusAreas;

/// <summary>Create (no id, <c>?strategyId=</c>) or edit a focus area, and delete it. Deleting keeps the milestones and budget initiatives; they only lose the link.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public FocusAreaInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    public int? Id { get; private set; }

    public string StrategyName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var focusArea = await db.FocusAreas.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (focusArea is null)
            {
                return NotFound();
            }

            Input = FocusAreaInput.From(focusArea);
            StrategyId = focusArea.StrategyId;
        }
        else if (StrategyId is not null)
        {
            // A new area goes last: the next free number.
            Input.SortOrder = Math.Min(999, 1 + (await db.FocusAreas.Where(f => f.StrategyId == StrategyId).MaxAsync(f => (int?)f.SortOrder, cancellationToken) ?? 0));
        }

        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        FocusArea? focusArea = null;
        if (id is not null)
        {
            focusArea = await db.FocusAreas.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (focusArea is null)
            {
                return NotFound();
            }

            StrategyId = focusArea.StrategyId;
        }

        if (StrategyId is null || !await db.Strategies.AnyAsync(s => s.Id == StrategyId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        if (focusArea is null)
        {
            focusArea = new FocusArea { StrategyId = StrategyId.Value, Title = Input.Title };
            db.FocusAreas.Add(focusArea);
        }

        Input.ApplyTo(db, focusArea);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["Saved", focusArea.Title].Value;
        return RedirectToPage("/FocusAreas/Details", new { id = focusArea.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var focusArea = await db.FocusAreas.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (focusArea is null)
        {
            return NotFound();
        }

        // The links to milestones and budget initiatives go with it (cascade on the join tables); the milestones and initiatives stay.
        db.FocusAreas.Remove(focusArea);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = localizer["Deleted", focusArea.Title].Value;
        return RedirectToPage("/FocusAreas/Index", new { strategyId = focusArea.StrategyId });
    }

    private async Task<IActionResult> ShowFormAsync(int? id, CancellationToken cancellationToken)
    {
        var strategy = StrategyId is null ? null : await db.Strategies.AsNoTracking().Where(s => s.Id == StrategyId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (strategy is null)
        {
            return NotFound();
        }

        Id = id;
        StrategyName = strategy;
        return Page();
    }
}
