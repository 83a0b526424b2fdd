using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Committees;

/// <summary>Create (no id) or edit a committee and its members, and delete it with its meetings.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(AppDbContext db, CommitteeEditor editor, IStringLocalizer<SharedResource> localizer) : PageModel
{

    [BindProperty]
    public CommitteeInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<CommitteeMemberOption> MemberOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var committee = await LoadAsync(id.Value, cancellationToken);
            if (committee is null)
            {
                return NotFound();
            }

            Input = CommitteeEditor.ToInput(committee);
        }
        else
        {
            // Most sites serve one municipality: suggest the one the strategies name.
            Input.Municipality = await db.Strategies.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Municipality).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        }

        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Committee? committee = null;
        if (id is not null)
        {
            committee = await LoadAsync(id.Value, cancellationToken);
            if (committee is null)
            {
                return NotFound();
            }
        }

        await editor.ValidateAsync(Input, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        if (committee is null)
        {
            committee = new Committee { Name = Input.Name, Municipality = Input.Municipality };
            db.Committees.Add(committee);
        }

        await editor.ApplyAsync(committee, Input, cancellationToken);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["Saved", committee.Name].Value;
        return RedirectToPage("/Committees/Index", null, null, $"committee-{committee.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (committee is null)
        {
            return NotFound();
        }

        // Meetings and memberships go with it (cascade); strategies reporting to it keep going without a committee (set null).
        db.Committees.Remove(committee);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = localizer["Deleted", committee.Name].Value;
        return RedirectToPage("/Committees/Index");
    }

    private Task<Committee?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Committees.Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    private async Task<IActionResult> ShowFormAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        MemberOptions = await editor.LoadMemberOptionsAsync(cancellationToken);
        return Page();
    }
}
