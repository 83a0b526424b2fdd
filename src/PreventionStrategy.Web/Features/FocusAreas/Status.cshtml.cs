using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.FocusAreas;

/// <summary>
/// Overrides a focus area's status (or hands it back to the rule), with a justification; who and when are stored with it
/// and the change is in the audit trail like any other. Reached from the focus area's page.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class StatusModel(AppDbContext db, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FocusAreaStatusInput Input { get; set; } = new();

    public FocusAreaDetails FocusArea { get; private set; } = null!;

    public FocusAreaStanding Standing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var area = await db.FocusAreas.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        Input = FocusAreaStatusInput.From(area);
        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var area = await db.FocusAreas.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        foreach (var (field, message) in Input.Validate(localizer))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        Input.ApplyTo(db, area, User.DisplayName(), clock.GetUtcNow().UtcDateTime);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["FocusAreas.StatusSaved", area.Title].Value;
        return RedirectToPage("/FocusAreas/Details", new { id });
    }

    private async Task<IActionResult> ShowFormAsync(int id, CancellationToken cancellationToken)
    {
        var details = await db.FocusAreas.AsNoTracking()
            .Where(f => f.Id == id)
            .Select(f => new FocusAreaDetails(f.Id, f.StrategyId, f.Strategy!.Name, f.SortOrder, f.Title, f.Description, f.Aims))
            .FirstOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        FocusArea = details;
        Standing = (await FocusAreaStandings.LoadAsync(db, db.FocusAreas.Where(f => f.Id == id), clock.Today(), cancellationToken))[id];
        return Page();
    }
}
