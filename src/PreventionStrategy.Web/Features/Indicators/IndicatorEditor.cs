using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

public sealed record IndicatorFormOptions(IReadOnlyList<FocusAreaTag> FocusAreas, IReadOnlyList<SelectListItem> Owners);

/// <summary>Loads, checks and saves the administrators' indicator form. Checks that need the database live here, not in the input.</summary>
public sealed class IndicatorEditor(AppDbContext db, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> localizer)
{
    public const int MinCategoryRows = 3;

    public const int MinTargetRows = 3;

    /// <summary>More categories than any breakdown a council reports (the intervention ladder has six steps).</summary>
    public const int MaxCategories = 20;

    public const int MaxTargets = 50;

    public async Task<IndicatorFormOptions> LoadOptionsAsync(int strategyId, CancellationToken cancellationToken)
    {
        var focusAreas = await db.FocusAreas.AsNoTracking().Where(f => f.StrategyId == strategyId).OrderBy(f => f.SortOrder)
            .Select(f => new FocusAreaTag(f.Id, f.SortOrder, f.Title)).ToListAsync(cancellationToken);
        var owners = (await EligibleOwnersAsync()).Select(u => new SelectListItem(u.FullName, u.Id)).ToList();
        return new IndicatorFormOptions(focusAreas, owners);
    }

    public static IndicatorInput ToInput(Indicator indicator) => new()
    {
        Version = indicator.Version,
        Name = indicator.Name,
        Description = indicator.Description,
        SortOrder = indicator.SortOrder,
        Kind = indicator.Kind,
        Unit = indicator.Unit,
        Frequency = indicator.Frequency,
        Direction = indicator.Direction,
        Source = indicator.Source,
        OwnerId = indicator.OwnerId,
        BaselineValue = indicator.BaselineValue is { } baseline ? IndicatorFormat.Editable(baseline) : null,
        BaselineYear = indicator.BaselinePeriod?.Year,
        BaselinePeriod = indicator.BaselinePeriod?.Period,
        IsExampleData = indicator.IsExampleData,
        FocusAreaIds = indicator.FocusAreas.Select(f => f.Id).ToList(),
        Categories = indicator.Categories.OrderBy(c => c.SortOrder).Select(c => new CategoryInput { Id = c.Id, Name = c.Name }).ToList(),
        Targets = indicator.Targets.OrderBy(t => t.Year).Select(t => new TargetInput
        {
            Year = t.Year,
            Value = t.Value is { } value ? IndicatorFormat.Editable(value) : null,
            Low = t.Low is { } low ? IndicatorFormat.Editable(low) : null,
            High = t.High is { } high ? IndicatorFormat.Editable(high) : null,
            Reasoning = t.Reasoning,
        }).ToList(),
    };

    /// <summary>Pads the category and target rows with blank ones, so there is room to add without script.</summary>
    public static void PadRows(IndicatorInput input)
    {
        while (input.Categories.Count < Math.Max(MinCategoryRows, input.Categories.Count(c => !string.IsNullOrWhiteSpace(c.Name)) + 2))
        {
            input.Categories.Add(new CategoryInput());
        }

        while (input.Targets.Count < Math.Max(MinTargetRows, input.Targets.Count(t => !t.IsBlank) + 2))
        {
            input.Targets.Add(new TargetInput());
        }
    }

    public async Task ValidateAsync(IndicatorInput input, int strategyId, Indicator? existing, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentCulture;
        if (!IndicatorPeriods.IsFrequency(input.Frequency))
        {
            modelState.AddModelError("Input.Frequency", localizer["Indicators.FrequencyInvalid"]);
        }
        else if (existing is not null && existing.Frequency != input.Frequency && existing.Measurements.Count > 0)
        {
            modelState.AddModelError("Input.Frequency", localizer["Indicators.FrequencyLocked"]);
        }

        if (!Enum.IsDefined(input.Unit))
        {
            modelState.AddModelError("Input.Unit", localizer["Validation.Invalid"]);
        }

        ValidateBaseline(input, modelState, culture);
        ValidateCategories(input, existing, modelState);
        ValidateTargets(input, modelState, culture);

        if (!string.IsNullOrEmpty(input.OwnerId) && (await EligibleOwnersAsync()).All(u => u.Id != input.OwnerId))
        {
            modelState.AddModelError("Input.OwnerId", localizer["Milestones.UnknownOwner"]);
        }

        var focusAreaIds = input.FocusAreaIds.Distinct().ToList();
        if (await db.FocusAreas.CountAsync(f => f.StrategyId == strategyId && focusAreaIds.Contains(f.Id), cancellationToken) != focusAreaIds.Count)
        {
            modelState.AddModelError("Input.FocusAreaIds", localizer["Milestones.UnknownFocusArea"]);
        }
    }

    /// <summary>Only call after <see cref="ValidateAsync"/> found nothing.</summary>
    public async Task ApplyAsync(Indicator indicator, IndicatorInput input, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentCulture;
        db.Entry(indicator).Property(i => i.Version).OriginalValue = input.Version;

        indicator.Name = input.Name.Trim();
        indicator.Description = Blank(input.Description);
        indicator.SortOrder = input.SortOrder;
        indicator.Kind = input.Kind;
        indicator.Unit = input.Unit;
        indicator.Frequency = input.Frequency;
        indicator.Direction = input.Direction;
        indicator.Source = Blank(input.Source);
        indicator.OwnerId = string.IsNullOrEmpty(input.OwnerId) ? null : input.OwnerId;
        indicator.IsExampleData = input.IsExampleData;
        indicator.BaselineValue = IndicatorNumbers.TryParse(input.BaselineValue, culture, out var baseline) ? baseline : null;
        indicator.BaselinePeriod = indicator.BaselineValue is null ? null : BaselinePeriod(input);

        var categories = input.Categories.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        indicator.Categories.RemoveAll(c => categories.All(k => k.Id != c.Id));
        for (var i = 0; i < categories.Count; i++)
        {
            var row = categories[i];
            var category = indicator.Categories.FirstOrDefault(c => c.Id == row.Id && row.Id is not null);
            if (category is null)
            {
                indicator.Categories.Add(category = new IndicatorCategory { Name = row.Name!.Trim() });
            }

            category.Name = row.Name!.Trim();
            category.SortOrder = i + 1;
        }

        // Targets are matched by year, so the unique (indicator, year) index never clashes within one save.
        var targets = input.Targets.Where(t => !t.IsBlank).ToDictionary(t => t.Year!.Value);
        indicator.Targets.RemoveAll(t => !targets.ContainsKey(t.Year));
        foreach (var (year, row) in targets)
        {
            var target = indicator.Targets.FirstOrDefault(t => t.Year == year);
            if (target is null)
            {
                indicator.Targets.Add(target = new IndicatorTarget { Year = year });
            }

            target.Value = Parse(row.Value, culture);
            target.Low = Parse(row.Low, culture);
            target.High = Parse(row.High, culture);
            target.Reasoning = Blank(row.Reasoning);
        }

        var focusAreaIds = input.FocusAreaIds.Distinct().ToList();
        indicator.FocusAreas.RemoveAll(f => !focusAreaIds.Contains(f.Id));
        var toAdd = focusAreaIds.Except(indicator.FocusAreas.Select(f => f.Id)).ToList();
        indicator.FocusAreas.AddRange(await db.FocusAreas.Where(f => toAdd.Contains(f.Id)).ToListAsync(cancellationToken));

        // Category, target and link changes alone do not mark the row modified; bump the version anyway so they are guarded too.
        if (db.Entry(indicator).State == EntityState.Unchanged)
        {
            db.Entry(indicator).State = EntityState.Modified;
        }
    }

    private void ValidateBaseline(IndicatorInput input, ModelStateDictionary modelState, CultureInfo culture)
    {
        if (string.IsNullOrWhiteSpace(input.BaselineValue))
        {
            return;
        }

        if (modelState["Input.BaselineValue"]?.Errors.Count > 0)
        {
            return;
        }

        if (!IndicatorNumbers.TryParse(input.BaselineValue, culture, out _))
        {
            modelState.AddModelError("Input.BaselineValue", localizer["Indicators.NumberInvalid", localizer["Field.BaselineValue"]]);
        }

        if (modelState["Input.BaselineYear"]?.Errors.Count > 0 || modelState["Input.BaselinePeriod"]?.Errors.Count > 0)
        {
            return;
        }

        if (input.BaselineYear is null)
        {
            modelState.AddModelError("Input.BaselineYear", localizer["Indicators.BaselineYearRequired"]);
            return;
        }

        var maxPeriod = PlannedTiming.MaxPeriod(input.Frequency);
        if (maxPeriod > 0 && (input.BaselinePeriod is not { } period || period < 1 || period > maxPeriod))
        {
            modelState.AddModelError("Input.BaselinePeriod", localizer[$"Timing.PeriodRange.{input.Frequency}", maxPeriod]);
        }
    }

    private void ValidateCategories(IndicatorInput input, Indicator? existing, ModelStateDictionary modelState)
    {
        var named = input.Categories.Select((row, index) => (row, index)).Where(x => !string.IsNullOrWhiteSpace(x.row.Name)).ToList();
        if (named.Count == 0)
        {
            if (existing is { HasCategories: true } && existing.Measurements.Count > 0)
            {
                modelState.AddModelError("Input.Categories", localizer["Indicators.CategoriesLocked"]);
            }

            return;
        }

        if (named.Count > MaxCategories)
        {
            modelState.AddModelError("Input.Categories", localizer["Indicators.TooManyCategories", MaxCategories]);
        }

        if (input.Unit is not (IndicatorUnit.Count or IndicatorUnit.Dkk))
        {
            modelState.AddModelError("Input.Categories", localizer["Indicators.CategoriesNeedSummableUnit"]);
        }

        if (named.Count == 1)
        {
            modelState.AddModelError("Input.Categories", localizer["Indicators.CategoriesAtLeastTwo"]);
        }

        var names = new HashSet<string>(StringComparer.CurrentCultureIgnoreCase);
        foreach (var (row, index) in named)
        {
            if (!names.Add(row.Name!.Trim()))
            {
                modelState.AddModelError($"Input.Categories[{index}].Name", localizer["Indicators.DuplicateCategory", row.Name.Trim()]);
            }

            if (row.Id is { } id && existing?.Categories.All(c => c.Id != id) != false)
            {
                modelState.AddModelError($"Input.Categories[{index}].Name", localizer["Indicators.UnknownCategory"]);
            }
        }

        if (existing is not null && existing.Measurements.Count > 0)
        {
            if (!existing.HasCategories)
            {
                modelState.AddModelError("Input.Categories", localizer["Indicators.CategoriesLocked"]);
                return;
            }

            var kept = named.Select(x => x.row.Id).ToHashSet();
            foreach (var removed in existing.Categories.Where(c => !kept.Contains(c.Id)))
            {
                modelState.AddModelError("Input.Categories", localizer["Indicators.CategoryHasValues", removed.Name]);
            }
        }
    }

    private void ValidateTargets(IndicatorInput input, ModelStateDictionary modelState, CultureInfo culture)
    {
        if (input.Targets.Count(t => !t.IsBlank) > MaxTargets)
        {
            modelState.AddModelError("Input.Targets", localizer["Indicators.TooManyTargets", MaxTargets]);
            return;
        }

        var years = new HashSet<int>();
        for (var i = 0; i < input.Targets.Count; i++)
        {
            var row = input.Targets[i];
            var prefix = $"Input.Targets[{i}]";
            if (row.IsBlank)
            {
                continue;
            }

            if (HasErrors(modelState, prefix))
            {
                continue;
            }

            var rowNumber = i + 1;
            if (row.Year is not { } year)
            {
                modelState.AddModelError($"{prefix}.Year", localizer["Indicators.TargetYearRequired", rowNumber]);
            }
            else if (!years.Add(year))
            {
                modelState.AddModelError($"{prefix}.Year", localizer["Budget.DuplicateYear", year]);
            }

            var hasValue = !string.IsNullOrWhiteSpace(row.Value);
            var hasLow = !string.IsNullOrWhiteSpace(row.Low);
            var hasHigh = !string.IsNullOrWhiteSpace(row.High);
            foreach (var (field, text, present) in new[] { ("Value", row.Value, hasValue), ("Low", row.Low, hasLow), ("High", row.High, hasHigh) })
            {
                if (present && !IndicatorNumbers.TryParse(text, culture, out _))
                {
                    modelState.AddModelError($"{prefix}.{field}", localizer["Indicators.TargetNumberInvalid", rowNumber]);
                }
            }

            if (hasValue && (hasLow || hasHigh))
            {
                modelState.AddModelError($"{prefix}.Value", localizer["Indicators.TargetValueOrBand", rowNumber]);
            }
            else if (hasLow != hasHigh)
            {
                modelState.AddModelError($"{prefix}.{(hasLow ? "High" : "Low")}", localizer["Indicators.TargetBandIncomplete", rowNumber]);
            }
            else if (!hasValue && !hasLow)
            {
                modelState.AddModelError($"{prefix}.Value", localizer["Indicators.TargetValueRequired", rowNumber]);
            }
            else if (hasLow && Parse(row.Low, culture) > Parse(row.High, culture))
            {
                modelState.AddModelError($"{prefix}.High", localizer["Indicators.TargetBandOrder", rowNumber]);
            }
            else if (hasValue && input.Direction == DesiredDirection.WithinBand)
            {
                modelState.AddModelError($"{prefix}.Low", localizer["Indicators.TargetBandNeeded", rowNumber]);
            }
        }
    }

    private static bool HasErrors(ModelStateDictionary modelState, string prefix) =>
        modelState.FindKeysWithPrefix(prefix).Any(entry => entry.Value.Errors.Count > 0);

    private static PlannedTiming BaselinePeriod(IndicatorInput input) =>
        PlannedTiming.Create(input.Frequency, input.BaselineYear!.Value, PlannedTiming.MaxPeriod(input.Frequency) > 0 ? input.BaselinePeriod : null, null);

    private static decimal? Parse(string? text, CultureInfo culture) => IndicatorNumbers.TryParse(text, culture, out var value) ? value : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private Task<IList<ApplicationUser>> EligibleOwnersAsync() => EligibleOwners.ListAsync(users);
}
