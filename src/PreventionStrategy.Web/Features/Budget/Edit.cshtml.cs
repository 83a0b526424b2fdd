using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Budget;

/// <summary>Create (no id, <c>?strategyId=</c>) or edit a budget initiative with its amounts per year and its links, and delete it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(AppDbContext db, BudgetEditor editor, IStringLocalizer<SharedResource> localizer) : PageModel
{

    [BindProperty]
    public BudgetInitiativeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    public int? Id { get; private set; }

    public string StrategyName { get; private set; } = string.Empty;

    public BudgetFormOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var initiative = await LoadAsync(id.Value, cancellationToken);
            if (initiative is null)
            {
                return NotFound();
            }

            Input = BudgetEditor.ToInput(initiative);
            StrategyId = initiative.StrategyId;
        }
        else if (StrategyId is not null)
        {
            // A new initiative goes last, and most likely comes from the same budget sketch as the one before it.
            var last = await db.BudgetInitiatives.AsNoTracking().Where(b => b.StrategyId == StrategyId)
                .OrderByDescending(b => b.SortOrder).ThenByDescending(b => b.Id)
                .Select(b => new { b.SortOrder, b.BudgetSketch })
                .FirstOrDefaultAsync(cancellationToken);
            Input.SortOrder = Math.Min(999, (last?.SortOrder ?? 0) + 1);
            Input.BudgetSketch = last?.BudgetSketch ?? string.Empty;
        }

        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        BudgetInitiative? initiative = null;
        if (id is not null)
        {
            initiative = await LoadAsync(id.Value, cancellationToken);
            if (initiative is null)
            {
                return NotFound();
            }

            StrategyId = initiative.StrategyId;
        }

        if (StrategyId is null || !await db.Strategies.AnyAsync(s => s.Id == StrategyId, cancellationToken))
        {
            return NotFound();
        }

        await editor.ValidateAsync(Input, StrategyId.Value, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        if (initiative is null)
        {
            initiative = new BudgetInitiative { StrategyId = StrategyId.Value, BudgetSketch = Input.BudgetSketch, Title = Input.Title };
            db.BudgetInitiatives.Add(initiative);
        }

        await editor.ApplyAsync(initiative, Input, cancellationToken);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["Saved", initiative.Title].Value;
        return RedirectToPage("/Budget/Index", null, new { strategyId = initiative.StrategyId }, $"initiative-{initiative.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var initiative = await db.BudgetInitiatives.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (initiative is null)
        {
            return NotFound();
        }

        // Amounts and links go with it (cascade); the focus areas and milestones stay.
        db.BudgetInitiatives.Remove(initiative);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = localizer["Deleted", initiative.Title].Value;
        return RedirectToPage("/Budget/Index", new { strategyId = initiative.StrategyId });
    }

    private Task<BudgetInitiative?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.BudgetInitiatives.AsSplitQuery()
            .Include(b => b.Amounts)
            .Include(b => b.FocusAreas)
            .Include(b => b.Milestones)
            .FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    private async Task<IActionResult> ShowFormAsync(int? id, CancellationToken cancellationToken)
    {
        var strategy = StrategyId is null ? null : await db.Strategies.AsNoTracking().Where(s => s.Id == StrategyId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (strategy is null)
        {
            return NotFound();
        }

        Id = id;
        StrategyName = strategy;
        BudgetEditor.PadAmountRows(Input);
        Options = await editor.LoadOptionsAsync(StrategyId!.Value, cancellationToken);
        return Page();
    }
}
