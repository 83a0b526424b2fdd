using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>Create (no id, <c>?strategyId=</c>) or edit an indicator with its categories, baseline and targets, and delete it.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(AppDbContext db, IndicatorEditor editor, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    public int? Id { get; private set; }

    public string StrategyName { get; private set; } = string.Empty;

    public bool HasMeasurements { get; private set; }

    public IndicatorFormOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var indicator = await LoadAsync(id.Value, cancellationToken);
            if (indicator is null)
            {
                return NotFound();
            }

            Input = IndicatorEditor.ToInput(indicator);
            StrategyId = indicator.StrategyId;
            HasMeasurements = indicator.Measurements.Count > 0;
        }
        else if (StrategyId is not null)
        {
            var last = await db.Indicators.AsNoTracking().Where(i => i.StrategyId == StrategyId).MaxAsync(i => (int?)i.SortOrder, cancellationToken);
            Input.SortOrder = Math.Min(999, (last ?? 0) + 1);
        }

        return await ShowFormAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Indicator? indicator = null;
        if (id is not null)
        {
            indicator = await LoadAsync(id.Value, cancellationToken);
            if (indicator is null)
            {
                return NotFound();
            }

            StrategyId = indicator.StrategyId;
            HasMeasurements = indicator.Measurements.Count > 0;
        }

        if (StrategyId is null || !await db.Strategies.AnyAsync(s => s.Id == StrategyId, cancellationToken))
        {
            return NotFound();
        }

        await editor.ValidateAsync(Input, StrategyId.Value, indicator, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        if (indicator is null)
        {
            indicator = new Indicator { StrategyId = StrategyId.Value, Name = Input.Name };
            db.Indicators.Add(indicator);
        }

        await editor.ApplyAsync(indicator, Input, cancellationToken);
        if (!await ConcurrencyConflict.TrySaveAsync(db, ModelState, localizer, version => Input.Version = version, cancellationToken))
        {
            return await ShowFormAsync(id, cancellationToken);
        }

        TempData["Success"] = localizer["Saved", indicator.Name].Value;
        return RedirectToPage("/Indicators/Details", new { id = indicator.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        // Categories, targets, measurements and their history go with it (cascade); the audit trail keeps the record.
        db.Indicators.Remove(indicator);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = localizer["Deleted", indicator.Name].Value;
        return RedirectToPage("/Indicators/Index", new { strategyId = indicator.StrategyId });
    }

    private Task<Indicator?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Indicators.AsSplitQuery()
            .Include(i => i.Categories)
            .Include(i => i.Targets)
            .Include(i => i.FocusAreas)
            .Include(i => i.Measurements.Take(1))
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    private async Task<IActionResult> ShowFormAsync(int? id, CancellationToken cancellationToken)
    {
        var strategy = StrategyId is null ? null : await db.Strategies.AsNoTracking().Where(s => s.Id == StrategyId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (strategy is null)
        {
            return NotFound();
        }

        Id = id;
        StrategyName = strategy;
        IndicatorEditor.PadRows(Input);
        Options = await editor.LoadOptionsAsync(StrategyId!.Value, cancellationToken);
        return Page();
    }
}
