using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>Builds the entry grid's rows from what is stored, and reads a posted grid into entries with a Danish message per bad cell.</summary>
public sealed class MeasurementGrid(IStringLocalizer<SharedResource> localizer, Display show)
{
    /// <summary>Ten years of months: the most rows one form holds.</summary>
    public const int MaxRows = 120;

    public static IReadOnlyList<PlannedTiming> Periods(TimingPrecision frequency, int fromYear, int toYear, DateOnly today)
    {
        var first = IndicatorPeriods.Containing(new DateOnly(fromYear, 1, 1), frequency);
        var last = IndicatorPeriods.Containing(new DateOnly(toYear, 12, 31) < today ? new DateOnly(toYear, 12, 31) : today, frequency);
        return IndicatorPeriods.Range(first, last, MaxRows);
    }

    public static MeasurementGridInput ToInput(Indicator indicator, IReadOnlyList<PlannedTiming> periods)
    {
        var categories = indicator.Categories.OrderBy(c => c.SortOrder).ToList();
        var stored = indicator.Measurements.ToDictionary(m => m.PeriodKey);
        return new MeasurementGridInput
        {
            CategoryIds = categories.Select(c => c.Id).ToList(),
            Rows = periods.Select(period =>
            {
                var key = IndicatorPeriods.Key(period);
                stored.TryGetValue(key, out var m);
                return new MeasurementRowInput
                {
                    PeriodKey = key,
                    Version = m?.Version,
                    Total = categories.Count == 0 && m is not null ? IndicatorFormat.Editable(m.Total) : null,
                    Values = categories.Select(c => m?.Values.FirstOrDefault(v => v.CategoryId == c.Id) is { } v ? IndicatorFormat.Editable(v.Value) : null).ToList(),
                    IsFinal = m?.IsFinal ?? false,
                    Comment = m?.Comment,
                };
            }).ToList(),
        };
    }

    /// <summary>The entries a posted grid asks for, or errors on <paramref name="modelState"/>.</summary>
    public IReadOnlyList<MeasurementEntry> Read(Indicator indicator, MeasurementGridInput input, ModelStateDictionary modelState)
    {
        var culture = CultureInfo.CurrentCulture;
        var categories = indicator.Categories.OrderBy(c => c.SortOrder).ToList();
        if (!input.CategoryIds.SequenceEqual(categories.Select(c => c.Id)))
        {
            modelState.AddModelError(string.Empty, localizer["Indicators.CategoriesChanged"]);
            return [];
        }

        if (input.Rows.Count > MaxRows)
        {
            modelState.AddModelError(string.Empty, localizer["Indicators.TooManyRows", MaxRows]);
            return [];
        }

        var entries = new List<MeasurementEntry>();
        var seen = new HashSet<string>();
        for (var i = 0; i < input.Rows.Count; i++)
        {
            var row = input.Rows[i];
            var prefix = $"Input.Rows[{i}]";
            var period = IndicatorPeriods.Parse(row.PeriodKey, indicator.Frequency);
            if (period is null || !seen.Add(IndicatorPeriods.Key(period)))
            {
                modelState.AddModelError($"{prefix}.PeriodKey", localizer["Indicators.PeriodInvalid", row.PeriodKey ?? string.Empty]);
                continue;
            }

            if (modelState.FindKeysWithPrefix(prefix).Any(e => e.Value.Errors.Count > 0))
            {
                continue;
            }

            var label = show.Timing(period);
            var comment = string.IsNullOrWhiteSpace(row.Comment) ? null : row.Comment.Trim();
            if (row.IsBlank)
            {
                if (row.Version is not null)
                {
                    entries.Add(new MeasurementEntry(period, null, new Dictionary<int, decimal>(), false, comment, row.Version, Remove: true));
                }

                continue;
            }

            if (categories.Count == 0)
            {
                if (Check(indicator.Unit, row.Total, label, null, $"{prefix}.Total", modelState, culture) is { } total)
                {
                    entries.Add(new MeasurementEntry(period, total, new Dictionary<int, decimal>(), row.IsFinal, comment, row.Version));
                }

                continue;
            }

            if (row.Values.Count != categories.Count)
            {
                modelState.AddModelError($"{prefix}.Values", localizer["Indicators.CategoriesChanged"]);
                continue;
            }

            var values = new Dictionary<int, decimal>();
            var rowOk = true;
            for (var c = 0; c < categories.Count; c++)
            {
                var key = $"{prefix}.Values[{c}]";
                if (string.IsNullOrWhiteSpace(row.Values[c]))
                {
                    modelState.AddModelError(key, localizer["Indicators.CategoryValueMissing", categories[c].Name, label]);
                    rowOk = false;
                }
                else if (Check(indicator.Unit, row.Values[c], label, categories[c].Name, key, modelState, culture) is { } value)
                {
                    values[categories[c].Id] = value;
                }
                else
                {
                    rowOk = false;
                }
            }

            if (rowOk)
            {
                entries.Add(new MeasurementEntry(period, null, values, row.IsFinal, comment, row.Version));
            }
        }

        return entries;
    }

    /// <summary>A value that fits the unit, or an error naming the period (and category).</summary>
    public decimal? Check(IndicatorUnit unit, string? text, string periodLabel, string? category, string key, ModelStateDictionary modelState, CultureInfo culture)
    {
        var where = category is null ? periodLabel : $"{category}, {periodLabel}";
        if (text is { Length: > 40 } || !IndicatorNumbers.TryParse(text, culture, out var value))
        {
            modelState.AddModelError(key, localizer["Indicators.ValueInvalid", where]);
            return null;
        }

        if (ProblemWith(unit, value) is { } problem)
        {
            modelState.AddModelError(key, localizer[problem, where]);
            return null;
        }

        return value;
    }

    /// <summary>The resource key of what is wrong with a value for the unit, or null.</summary>
    public static string? ProblemWith(IndicatorUnit unit, decimal value) => unit switch
    {
        IndicatorUnit.Count when value < 0 => "Indicators.ValueNegative",
        IndicatorUnit.Percent when value is < 0 or > 100 => "Indicators.PercentRange",
        IndicatorUnit.PerThousandChildren when value is < 0 or > 1000 => "Indicators.PerThousandRange",
        IndicatorUnit.Ratio when value < 0 => "Indicators.ValueNegative",
        _ => null,
    };
}
