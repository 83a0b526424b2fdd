using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Budget;

public sealed record BudgetFormOptions(IReadOnlyList<FocusAreaTag> FocusAreas, IReadOnlyList<BudgetMilestoneOption> Milestones);

public sealed record BudgetMilestoneOption(int Id, string Title, PlannedTiming Timing);

/// <summary>Loads, checks and saves the budget initiative form. Checks that need the database live here, not in the input.</summary>
public sealed class BudgetEditor(AppDbContext db, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The form always offers at least this many amount rows, and a couple of blank ones after the filled rows.</summary>
    public const int MinAmountRows = 5;

    public async Task<BudgetFormOptions> LoadOptionsAsync(int strategyId, CancellationToken cancellationToken)
    {
        var focusAreas = await db.FocusAreas.AsNoTracking().Where(f => f.StrategyId == strategyId).OrderBy(f => f.SortOrder)
            .Select(f => new FocusAreaTag(f.Id, f.SortOrder, f.Title)).ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.StrategyId == strategyId).OrderBy(m => m.Timing.Start).ThenBy(m => m.Id)
            .Select(m => new BudgetMilestoneOption(m.Id, m.Title, m.Timing)).ToListAsync(cancellationToken);
        return new BudgetFormOptions(focusAreas, milestones);
    }

    public static BudgetInitiativeInput ToInput(BudgetInitiative initiative) => new()
    {
        Version = initiative.Version,
        BudgetSketch = initiative.BudgetSketch,
        SortOrder = initiative.SortOrder,
        Title = initiative.Title,
        Description = initiative.Description,
        DecisionState = initiative.DecisionState,
        DecisionNote = initiative.DecisionNote,
        Amounts = initiative.Amounts.OrderBy(a => a.Year)
            .Select(a => new BudgetAmountInput { Year = a.Year, Amount = a.AmountDkk.ToString("N0", CultureInfo.CurrentCulture) })
            .ToList(),
        FocusAreaIds = initiative.FocusAreas.Select(f => f.Id).ToList(),
        MilestoneIds = initiative.Milestones.Select(m => m.Id).ToList(),
    };

    /// <summary>Pads the amount rows with blank ones, so there is room to add years without script.</summary>
    public static void PadAmountRows(BudgetInitiativeInput input)
    {
        var filled = input.Amounts.Count(a => !a.IsBlank);
        var rows = Math.Max(MinAmountRows, filled + 2);
        while (input.Amounts.Count < rows)
        {
            input.Amounts.Add(new BudgetAmountInput());
        }
    }

    public async Task ValidateAsync(BudgetInitiativeInput input, int strategyId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var years = new HashSet<int>();
        for (var i = 0; i < input.Amounts.Count; i++)
        {
            var row = input.Amounts[i];
            var yearKey = $"Input.Amounts[{i}].Year";
            var amountKey = $"Input.Amounts[{i}].Amount";
            var yearHasError = modelState[yearKey]?.Errors.Count > 0;
            var amountHasError = modelState[amountKey]?.Errors.Count > 0;
            if (row.IsBlank || (yearHasError && amountHasError))
            {
                continue;
            }

            var rowNumber = i + 1;
            if (row.Year is { } year)
            {
                if (!years.Add(year))
                {
                    modelState.AddModelError(yearKey, localizer["Budget.DuplicateYear", year]);
                }
            }
            else if (!yearHasError)
            {
                modelState.AddModelError(yearKey, localizer["Budget.YearRequired", rowNumber]);
            }

            if (amountHasError)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Amount))
            {
                modelState.AddModelError(amountKey, localizer["Budget.AmountRequired", rowNumber]);
            }
            else if (!TryParseAmount(row.Amount, out var kroner))
            {
                modelState.AddModelError(amountKey, localizer["Budget.AmountInvalid", rowNumber]);
            }
            else if (kroner < 0)
            {
                modelState.AddModelError(amountKey, localizer["Budget.AmountNegative", rowNumber]);
            }
        }

        var focusAreaIds = input.FocusAreaIds.Distinct().ToList();
        if (await db.FocusAreas.CountAsync(f => f.StrategyId == strategyId && focusAreaIds.Contains(f.Id), cancellationToken) != focusAreaIds.Count)
        {
            modelState.AddModelError("Input.FocusAreaIds", localizer["Milestones.UnknownFocusArea"]);
        }

        var milestoneIds = input.MilestoneIds.Distinct().ToList();
        if (await db.Milestones.CountAsync(m => m.StrategyId == strategyId && milestoneIds.Contains(m.Id), cancellationToken) != milestoneIds.Count)
        {
            modelState.AddModelError("Input.MilestoneIds", localizer["Budget.UnknownMilestone"]);
        }
    }

    /// <summary>Only call after <see cref="ValidateAsync"/> found nothing.</summary>
    public async Task<BudgetInitiative> ApplyAsync(BudgetInitiative initiative, BudgetInitiativeInput input, CancellationToken cancellationToken)
    {
        // The version the user saw: if someone saved since, SaveChanges refuses instead of overwriting.
        db.Entry(initiative).Property(b => b.Version).OriginalValue = input.Version;

        initiative.BudgetSketch = input.BudgetSketch.Trim();
        initiative.SortOrder = input.SortOrder;
        initiative.Title = input.Title.Trim();
        initiative.Description = Blank(input.Description);
        initiative.DecisionState = input.DecisionState;
        initiative.DecisionNote = Blank(input.DecisionNote);

        // Rows are matched by year, so an unchanged year is updated in place and the unique (initiative, year) index never clashes.
        var amounts = input.Amounts.Where(a => !a.IsBlank)
            .ToDictionary(a => a.Year!.Value, a => TryParseAmount(a.Amount!, out var kroner) ? kroner : throw new InvalidOperationException("Amounts are validated first."));
        initiative.Amounts.RemoveAll(a => !amounts.ContainsKey(a.Year));
        foreach (var (year, kroner) in amounts)
        {
            var existing = initiative.Amounts.FirstOrDefault(a => a.Year == year);
            if (existing is null)
            {
                initiative.Amounts.Add(new BudgetAmount { Year = year, AmountDkk = kroner });
            }
            else
            {
                existing.AmountDkk = kroner;
            }
        }

        var focusAreaIds = input.FocusAreaIds.Distinct().ToList();
        initiative.FocusAreas.RemoveAll(f => !focusAreaIds.Contains(f.Id));
        var focusAreasToAdd = focusAreaIds.Except(initiative.FocusAreas.Select(f => f.Id)).ToList();
        initiative.FocusAreas.AddRange(await db.FocusAreas.Where(f => focusAreasToAdd.Contains(f.Id)).ToListAsync(cancellationToken));

        var milestoneIds = input.MilestoneIds.Distinct().ToList();
        initiative.Milestones.RemoveAll(m => !milestoneIds.Contains(m.Id));
        var milestonesToAdd = milestoneIds.Except(initiative.Milestones.Select(m => m.Id)).ToList();
        initiative.Milestones.AddRange(await db.Milestones.Where(m => milestonesToAdd.Contains(m.Id)).ToListAsync(cancellationToken));

        // Amount and link changes alone do not mark the row modified; bump the version anyway so they are guarded too.
        if (db.Entry(initiative).State == EntityState.Unchanged)
        {
            db.Entry(initiative).State = EntityState.Modified;
        }

        return initiative;
    }

    /// <summary>
    /// Whole kroner as people type them: "1.500.000", "1 500 000", "1500000 kr." (or "1,500,000" in English).
    /// Decimals are accepted only when they are zero ("1.500.000,00").
    /// </summary>
    public static bool TryParseAmount(string text, out long kroner)
    {
        kroner = 0;
        var value = text.Trim();
        foreach (var unit in (string[])["kr.", "kr", "dkk"])
        {
            if (value.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^unit.Length];
            }
            else if (value.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                value = value[unit.Length..];
            }
        }

        value = string.Concat(value.Where(c => !char.IsWhiteSpace(c)));
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.CurrentCulture, out var amount)
            || amount != decimal.Truncate(amount) || amount is > long.MaxValue or < long.MinValue)
        {
            return false;
        }

        kroner = (long)amount;
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
