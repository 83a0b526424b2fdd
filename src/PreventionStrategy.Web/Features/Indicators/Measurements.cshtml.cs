using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// Bulk entry for an indicator's owner or an administrator: a grid of periods × categories for a span of years,
/// saved all or nothing. <c>?period=2025K4</c> opens the span that holds that period (the reporting e-mail's link).
/// </summary>
public sealed class MeasurementsModel(
    AppDbContext db,
    IAuthorizationService authorization,
    MeasurementGrid grid,
    MeasurementRecorder recorder,
    Display show,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel, IShownAgainAfterStorageFault
{
    /// <summary>Years shown when none are asked for: the last five.</summary>
    public const int DefaultYears = 5;

    [BindProperty]
    public MeasurementGridInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    public string StrategyName { get; private set; } = string.Empty;

    public IReadOnlyList<PlannedTiming> Periods { get; private set; } = [];

    public string? FocusKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = MeasurementGrid.ToInput(Indicator, Periods);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var entries = grid.Read(Indicator, Input, ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userName = User.DisplayName();
        var result = await recorder.SaveAsync(Indicator, entries, userName, cancellationToken);
        if (!result.Succeeded)
        {
            await ExplainConflictsAsync(result.Conflicts, cancellationToken);
            return Page();
        }

        TempData["Success"] = result.Changed == 0
            ? localizer["Indicators.NothingChanged"].Value
            : localizer["Indicators.SavedValues", result.Entered, result.Corrected, result.Removed].Value;
        return RedirectToPage("/Indicators/Details", null, new { id }, "figures");
    }

    /// <summary>Everything the grid shows was loaded before the save; the typed figures are in ModelState.</summary>
    public Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    private async Task<IActionResult?> AuthorizeAsync(int id, CancellationToken cancellationToken)
    {
        (var refusal, StrategyName) = await IndicatorOwnerGate.PassAsync(db, authorization, User, id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        Indicator = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Categories)
            .Include(i => i.Measurements).ThenInclude(m => m.Values)
            .FirstAsync(i => i.Id == id, cancellationToken);

        var today = clock.Today();
        var asked = IndicatorPeriods.Parse(Period, Indicator.Frequency);
        FocusKey = asked is null ? null : IndicatorPeriods.Key(asked);
        var to = Math.Clamp(To ?? Math.Max(asked?.Year ?? today.Year, today.Year), PlannedTiming.MinYear, Math.Min(PlannedTiming.MaxYear, today.Year));
        var from = Math.Clamp(From ?? Math.Min(asked?.Year ?? to, to - DefaultYears + 1), PlannedTiming.MinYear, to);
        var maxYears = MeasurementGrid.MaxRows / PeriodsPerYear(Indicator.Frequency);
        from = Math.Max(from, to - maxYears + 1);
        From = from;
        To = to;
        Periods = MeasurementGrid.Periods(Indicator.Frequency, from, to, today);
        return null;
    }

    private async Task ExplainConflictsAsync(IReadOnlyList<MeasurementConflict> conflicts, CancellationToken cancellationToken)
    {
        var keys = conflicts.Select(c => IndicatorPeriods.Key(c.Period)).ToList();
        var current = await db.IndicatorMeasurements.AsNoTracking().Where(m => m.IndicatorId == Indicator.Id && keys.Contains(m.PeriodKey))
            .Select(m => new { m.PeriodKey, m.Version, m.Total, By = m.UpdatedByName ?? m.EnteredByName })
            .ToDictionaryAsync(m => m.PeriodKey, cancellationToken);
        foreach (var conflict in conflicts)
        {
            var key = IndicatorPeriods.Key(conflict.Period);
            current.TryGetValue(key, out var now);
            ModelState.AddModelError(string.Empty, now is null
                ? localizer["Indicators.ConflictRemoved", show.Timing(conflict.Period)]
                : localizer["Indicators.Conflict", show.Timing(conflict.Period), now.By, IndicatorFormat.Number(now.Total)]);

            // The form keeps the person's figures; the version becomes the current one so saving again is a deliberate overwrite.
            var index = Input.Rows.FindIndex(r => r.PeriodKey == key);
            if (index >= 0)
            {
                Input.Rows[index].Version = now?.Version;
                ModelState.Remove($"Input.Rows[{index}].Version");
            }
        }
    }

    private static int PeriodsPerYear(TimingPrecision frequency) => frequency switch
    {
        TimingPrecision.Month => 12,
        TimingPrecision.Quarter => 4,
        TimingPrecision.HalfYear => 2,
        _ => 1,
    };
}
