using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Stakeholders;

/// <summary>Create (no id; <c>?unitId=</c> preselects the unit) or edit a stakeholder, and delete one. A unit with members cannot be deleted.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(AppDbContext db, StakeholderEditor editor, IStringLocalizer<SharedResource> localizer) : PageModel
{

    [BindProperty]
    public StakeholderInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<SelectListItem> UnitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? unitId, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var stakeholder = await db.Stakeholders.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (stakeholder is null)
            {
                return NotFound();
            }

            Input = StakeholderEditor.ToInput(stakeholder);
        }
        else
        {
            Input.UnitId = unitId;
        }

        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Stakeholder? stakeholder = null;
        if (id is not null)
        {
            stakeholder = await db.Stakeholders.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (stakeholder is null)
            {
                return NotFound();
            }
        }

        await editor.ValidateAsync(Input, id, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        if (stakeholder is null)
        {
            stakeholder = new Stakeholder { Name = Input.Name };
            db.Stakeholders.Add(stakeholder);
        }

        editor.Apply(stakeholder, Input);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["Saved", stakeholder.Name].Value;
        return RedirectToPage("/Stakeholders/Details", new { id = stakeholder.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var stakeholder = await db.Stakeholders.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (stakeholder is null)
        {
            return NotFound();
        }

        // Members are not deleted or moved silently (the foreign key is Restrict): the administrator moves them first.
        var members = await db.Stakeholders.CountAsync(s => s.UnitId == id, cancellationToken);
        if (members == 0)
        {
            db.Stakeholders.Remove(stakeholder);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = localizer["Deleted", stakeholder.Name].Value;
                return RedirectToPage("/Stakeholders/Index");
            }
            catch (DbUpdateException exception) when (!DatabaseBusy.IsStorageFault(exception))
            {
                // Someone added a member in the meantime (a full disk or read-only file is not that: DatabaseBusy answers it).
                db.ChangeTracker.Clear();
                members = await db.Stakeholders.CountAsync(s => s.UnitId == id, cancellationToken);
                stakeholder = await db.Stakeholders.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
                if (stakeholder is null || members == 0)
                {
                    throw;
                }
            }
        }

        // The form posted no fields: show the stored stakeholder with the reason instead.
        ModelState.Clear();
        Input = StakeholderEditor.ToInput(stakeholder);
        ModelState.AddModelError(string.Empty, localizer["Stakeholders.HasMembers", stakeholder.Name, members]);
        return await ShowFormAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowFormAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        UnitOptions = await editor.LoadUnitOptionsAsync(id, cancellationToken);
        return Page();
    }
}
