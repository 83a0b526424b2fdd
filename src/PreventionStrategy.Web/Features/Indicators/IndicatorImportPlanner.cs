using System.Globalization;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>A period as the import would store it, for the preview.</summary>
public sealed record ImportPreviewRow(PlannedTiming Period, IReadOnlyList<decimal?> ByCategory, decimal Total, decimal? StoredTotal, bool IsStored);

/// <summary>What an uploaded file would do: the entries to save, or the reasons (by line) it cannot be saved.</summary>
public sealed record ImportPlan(
    IReadOnlyList<MeasurementEntry> Entries,
    IReadOnlyList<ImportPreviewRow> Preview,
    IReadOnlyList<string> Errors,
    int SkippedMissing,
    int SkippedFiltered)
{
    public bool CanSave => Errors.Count == 0 && Entries.Count > 0;
}

/// <summary>
/// Turns a CSV table and a column mapping into measurements: a period from the time column (in the indicator's
/// frequency), a value from the value column (decimal comma; ".." is a missing value and is skipped), a category from
/// the breakdown column. Every bad row gets its own Danish message with its line number; one bad row stops the whole file.
/// </summary>
public sealed class IndicatorImportPlanner(IStringLocalizer<SharedResource> localizer, Display show)
{
    /// <summary>More messages than this are summarised: nobody reads the 5,000th.</summary>
    public const int MaxErrors = 50;

    private static readonly string[] TimeNames = ["tid", "time", "periode", "period", "år", "aar", "year"];
    private static readonly string[] ValueNames = ["indhold", "værdi", "vaerdi", "value", "antal", "beløb", "belob"];
    private static readonly string[] TotalNames = ["i alt", "total", "alle", "i alt (antal)"];

    /// <summary>A first mapping: the columns named or shaped like time and value, the breakdown whose texts match the categories.</summary>
    public static ImportMappingInput Guess(CsvTable table, Indicator indicator)
    {
        var mapping = new ImportMappingInput();
        var columns = Enumerable.Range(0, table.Headers.Count).ToList();
        mapping.TimeColumn = columns.FirstOrDefault(c => TimeNames.Contains(table.Headers[c].ToLowerInvariant()), -1) is var named and >= 0
            ? named
            : columns.FirstOrDefault(c => table.Rows.Take(20).All(r => IndicatorPeriods.Parse(Cell(r, c), indicator.Frequency) is not null), -1) is var shaped and >= 0 ? shaped : null;
        mapping.ValueColumn = columns.FirstOrDefault(c => ValueNames.Contains(table.Headers[c].ToLowerInvariant()), -1) is var value and >= 0 ? value : table.Headers.Count - 1;

        var categories = indicator.Categories.OrderBy(c => c.SortOrder).ToList();
        if (categories.Count > 0)
        {
            var candidates = columns.Where(c => c != mapping.TimeColumn && c != mapping.ValueColumn).ToList();
            mapping.CategoryColumn = candidates
                .Select(c => (Column: c, Matches: Distinct(table, c).Count(text => categories.Any(k => Same(k.Name, text)))))
                .OrderByDescending(x => x.Matches).Select(x => (int?)x.Column).FirstOrDefault();
        }

        Complete(table, indicator, mapping);
        return mapping;
    }

    /// <summary>Fills the per-column filters and the category map where the form left them empty or out of step with the file.</summary>
    public static void Complete(CsvTable table, Indicator indicator, ImportMappingInput mapping)
    {
        while (mapping.Filters.Count < table.Headers.Count)
        {
            mapping.Filters.Add(null);
        }

        if (mapping.Filters.Count > table.Headers.Count)
        {
            mapping.Filters.RemoveRange(table.Headers.Count, mapping.Filters.Count - table.Headers.Count);
        }

        var texts = CategoryTexts(table, mapping);
        if (mapping.CategoryMap.Count != texts.Count)
        {
            var categories = indicator.Categories.OrderBy(c => c.SortOrder).ToList();
            mapping.CategoryMap = texts.Select(text => categories.FirstOrDefault(c => Same(c.Name, text))?.Id).ToList();
        }
    }

    public static IReadOnlyList<string> CategoryTexts(CsvTable table, ImportMappingInput mapping) =>
        mapping.CategoryColumn is { } column && column >= 0 && column < table.Headers.Count ? Distinct(table, column) : [];

    public static IReadOnlyList<string> Distinct(CsvTable table, int column) =>
        table.Rows.Select(r => Cell(r, column)).Distinct(StringComparer.Ordinal).Take(200).ToList();

    public static bool IsTotalText(string text) => TotalNames.Contains(text.Trim().ToLowerInvariant());

    public ImportPlan Plan(CsvTable table, Indicator indicator, ImportMappingInput mapping, IReadOnlyDictionary<string, decimal> stored, CultureInfo culture)
    {
        var errors = new List<string>();
        var categories = indicator.Categories.OrderBy(c => c.SortOrder).ToList();
        var columns = table.Headers.Count;
        if (mapping.TimeColumn is not { } time || time < 0 || time >= columns)
        {
            errors.Add(localizer["Indicators.Import.ChooseTime"]);
        }

        if (mapping.ValueColumn is not { } valueColumn || valueColumn < 0 || valueColumn >= columns)
        {
            errors.Add(localizer["Indicators.Import.ChooseValue"]);
        }
        else if (valueColumn == mapping.TimeColumn)
        {
            errors.Add(localizer["Indicators.Import.SameColumn"]);
        }

        var categoryColumn = mapping.CategoryColumn is { } cc && cc >= 0 && cc < columns ? cc : (int?)null;
        if (categories.Count > 0 && categoryColumn is null)
        {
            errors.Add(localizer["Indicators.Import.ChooseCategory"]);
        }

        if (categories.Count == 0 && categoryColumn is not null)
        {
            errors.Add(localizer["Indicators.Import.NoCategories"]);
        }

        if (errors.Count > 0)
        {
            return new ImportPlan([], [], errors, 0, 0);
        }

        var texts = CategoryTexts(table, mapping);
        var categoryOf = texts.Select((text, i) => (text, id: i < mapping.CategoryMap.Count ? mapping.CategoryMap[i] : null))
            .ToDictionary(x => x.text, x => x.id, StringComparer.Ordinal);
        var known = categories.Select(c => c.Id).ToHashSet();
        if (categoryOf.Values.OfType<int>().Any(id => !known.Contains(id)))
        {
            errors.Add(localizer["Indicators.UnknownCategory"]);
            return new ImportPlan([], [], errors, 0, 0);
        }

        // Other columns must say one thing (one municipality, one unit), or the person chooses which value to keep.
        var others = Enumerable.Range(0, columns).Where(c => c != mapping.TimeColumn && c != mapping.ValueColumn && c != categoryColumn).ToList();
        foreach (var other in others)
        {
            var values = Distinct(table, other);
            var filter = mapping.Filters.ElementAtOrDefault(other);
            if (values.Count > 1 && string.IsNullOrEmpty(filter))
            {
                errors.Add(localizer["Indicators.Import.ChooseFilter", table.Headers[other], values.Count]);
            }
        }

        if (errors.Count > 0)
        {
            return new ImportPlan([], [], errors, 0, 0);
        }

        var periods = new Dictionary<string, PeriodFigures>();
        var skippedMissing = 0;
        var skippedFiltered = 0;
        foreach (var row in table.Rows)
        {
            if (row.Cells.Count != columns)
            {
                errors.Add(localizer["Indicators.Import.ColumnCount", row.Line, row.Cells.Count, columns]);
                continue;
            }

            if (others.Any(o => !string.IsNullOrEmpty(mapping.Filters[o]) && row.Cells[o] != mapping.Filters[o]))
            {
                skippedFiltered++;
                continue;
            }

            int? categoryId = null;
            if (categoryColumn is { } column)
            {
                var text = row.Cells[column];
                if (!categoryOf.TryGetValue(text, out categoryId) || categoryId is null)
                {
                    skippedFiltered++;
                    continue;
                }
            }

            var timeText = row.Cells[mapping.TimeColumn!.Value];
            var period = IndicatorPeriods.Parse(timeText, indicator.Frequency);
            if (period is null)
            {
                errors.Add(localizer[$"Indicators.Import.BadTime.{indicator.Frequency}", row.Line, timeText]);
                continue;
            }

            var key = IndicatorPeriods.Key(period);
            var valueText = row.Cells[mapping.ValueColumn!.Value];
            var isMissing = valueText is ".." or "." or "" or "-";
            if (!periods.TryGetValue(key, out var entry))
            {
                periods[key] = entry = new PeriodFigures(period);
            }

            if (isMissing)
            {
                skippedMissing++;
                continue;
            }

            if (!IndicatorNumbers.TryParse(valueText, culture, out var value) && !IndicatorNumbers.TryParse(valueText, CultureInfo.GetCultureInfo("da-DK"), out value))
            {
                errors.Add(localizer["Indicators.Import.BadValue", row.Line, valueText]);
                continue;
            }

            if (MeasurementGrid.ProblemWith(indicator.Unit, value) is { } problem)
            {
                errors.Add(localizer["Indicators.Import.LinePrefix", row.Line, localizer[problem, show.Timing(period)]]);
                continue;
            }

            if (categoryId is { } id)
            {
                if (!entry.Values.TryAdd(id, value))
                {
                    errors.Add(localizer["Indicators.Import.DuplicateCategory", row.Line, show.Timing(period), categories.First(c => c.Id == id).Name]);
                    continue;
                }
            }
            else if (entry.Total is not null)
            {
                errors.Add(localizer["Indicators.Import.DuplicatePeriod", row.Line, show.Timing(period)]);
                continue;
            }
            else
            {
                entry.Total = value;
            }
        }

        var entries = new List<MeasurementEntry>();
        var preview = new List<ImportPreviewRow>();
        var comment = string.IsNullOrWhiteSpace(mapping.Comment) ? null : mapping.Comment.Trim();
        foreach (var (key, entry) in periods.OrderBy(p => p.Value.Period.Start))
        {
            if (categories.Count > 0)
            {
                if (entry.Values.Count == 0)
                {
                    continue;
                }

                var missing = categories.Where(c => !entry.Values.ContainsKey(c.Id)).Select(c => c.Name).ToList();
                if (missing.Count > 0)
                {
                    errors.Add(localizer["Indicators.Import.IncompletePeriod", show.Timing(entry.Period), string.Join(", ", missing)]);
                    continue;
                }
            }
            else if (entry.Total is null)
            {
                continue;
            }

            var total = categories.Count > 0 ? entry.Values.Values.Sum() : entry.Total!.Value;
            entries.Add(new MeasurementEntry(entry.Period, entry.Total, entry.Values, mapping.IsFinal, comment, MeasurementEntry.AnyVersion));
            var isStored = stored.TryGetValue(key, out var storedTotal);
            preview.Add(new ImportPreviewRow(entry.Period, categories.Select(c => entry.Values.TryGetValue(c.Id, out var v) ? v : (decimal?)null).ToList(), total, isStored ? storedTotal : null, isStored));
        }

        if (errors.Count == 0 && entries.Count == 0)
        {
            errors.Add(localizer["Indicators.Import.NothingToImport"]);
        }

        if (errors.Count > MaxErrors)
        {
            var more = errors.Count - MaxErrors;
            errors = errors.Take(MaxErrors).Append(localizer["Indicators.Import.MoreErrors", more].Value).ToList();
        }

        return new ImportPlan(entries, preview, errors, skippedMissing, skippedFiltered);
    }

    private sealed class PeriodFigures(PlannedTiming period)
    {
        public PlannedTiming Period { get; } = period;

        public Dictionary<int, decimal> Values { get; } = [];

        public decimal? Total { get; set; }
    }

    private static string Cell(CsvRow row, int column) => column < row.Cells.Count ? row.Cells[column] : string.Empty;

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.CurrentCultureIgnoreCase);
}
