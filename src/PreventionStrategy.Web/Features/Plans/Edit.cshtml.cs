using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Plans;

/// <summary>Create (no id) or edit a strategy with its key dates, and delete it with everything in it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public StrategyInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public IReadOnlyList<SelectListItem> Committees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var strategy = await db.Strategies.AsNoTracking().Include(s => s.KeyDates).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (strategy is null)
            {
                return NotFound();
            }

            Input = new StrategyInput
            {
                Version = strategy.Version,
                Name = strategy.Name,
                Municipality = strategy.Municipality,
                Division = strategy.Division,
                Purpose = strategy.Purpose,
                Status = strategy.Status,
                CommitteeId = strategy.CommitteeId,
                KeyDates = strategy.KeyDates.OrderBy(k => k.Timing.Start).Select(k => new KeyDateInput { Label = k.Label, Timing = TimingInput.From(k.Timing) }).ToList(),
            };
        }

        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Strategy? strategy = null;
        if (id is not null)
        {
            strategy = await db.Strategies.Include(s => s.KeyDates).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (strategy is null)
            {
                return NotFound();
            }
        }

        Input.KeyDates.RemoveAll(k => k.IsBlank);
        ValidateKeyDates();
        if (Input.CommitteeId is { } committeeId && !await db.Committees.AnyAsync(c => c.Id == committeeId, cancellationToken))
        {
            ModelState.AddModelError("Input.CommitteeId", localizer["Strategies.UnknownCommittee"]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        if (strategy is null)
        {
            strategy = new Strategy { Name = Input.Name, Municipality = Input.Municipality, Division = Input.Division };
            db.Strategies.Add(strategy);
        }

        db.Entry(strategy).Property(s => s.Version).OriginalValue = Input.Version;
        strategy.Name = Input.Name.Trim();
        strategy.Municipality = Input.Municipality.Trim();
        strategy.Division = Input.Division.Trim();
        strategy.Purpose = Input.Purpose?.Trim();
        strategy.Status = Input.Status;
        strategy.CommitteeId = Input.CommitteeId;
        strategy.KeyDates.Clear();
        strategy.KeyDates.AddRange(Input.KeyDates.Select(k => new StrategyKeyDate { Label = k.Label!.Trim(), Timing = k.Timing.ToTiming() }));
        if (db.Entry(strategy).State == EntityState.Unchanged)
        {
            db.Entry(strategy).State = EntityState.Modified;
        }

        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["Saved", strategy.Name].Value;
        return RedirectToPage("/Plans/Dashboard", new { id = strategy.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var strategy = await db.Strategies.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (strategy is null)
        {
            return NotFound();
        }

        db.Strategies.Remove(strategy);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = localizer["Deleted", strategy.Name].Value;
        return RedirectToPage("/Index");
    }

    private void ValidateKeyDates()
    {
        for (var i = 0; i < Input.KeyDates.Count; i++)
        {
            foreach (var (field, message) in Input.KeyDates[i].Timing.Validate(localizer))
            {
                ModelState.AddModelError($"Input.KeyDates[{i}].Timing.{field}", message);
            }
        }
    }

    private async Task<IActionResult> ShowFormAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Committees = await db.Committees.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name + " (" + c.Municipality + ")", c.Id.ToString()))
            .ToListAsync(cancellationToken);
        for (var i = 0; i < StrategyInput.BlankKeyDateRows; i++)
        {
            Input.KeyDates.Add(new KeyDateInput());
        }

        return Page();
    }
}
