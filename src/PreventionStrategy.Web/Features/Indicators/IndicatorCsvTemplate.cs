using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// A plain CSV in the shape the import reads (and Statistikbanken writes): "TID;KATEGORI;INDHOLD" with a decimal
/// comma, one row per period (and category) from the baseline or first figure to the last ended period, stored figures
/// filled in and ".." where none is known yet.
/// </summary>
public static class IndicatorCsvTemplate
{
    public const int MaxPeriods = 120;

    public static byte[] Write(Indicator indicator, DateOnly today, bool seesSmallNumbers)
    {
        var danish = CultureInfo.GetCultureInfo("da-DK");
        var categories = indicator.Categories.OrderBy(c => c.SortOrder).ToList();
        var stored = indicator.Measurements.ToDictionary(m => m.PeriodKey);
        var last = IndicatorPeriods.LastEndedBefore(today, indicator.Frequency);
        var starts = indicator.Measurements.Select(m => m.Period).Append(indicator.BaselinePeriod).OfType<PlannedTiming>().ToList();
        var first = starts.Count > 0 ? IndicatorPeriods.Containing(starts.Min(p => p.Start), indicator.Frequency) : IndicatorPeriods.Containing(new DateOnly(last.Year - 4, 1, 1), indicator.Frequency);
        if (first.Start > last.Start)
        {
            first = last;
        }

        var periods = IndicatorPeriods.Range(first, last, MaxPeriods);
        var configuration = new CsvConfiguration(danish) { Delimiter = ";" };
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, configuration))
        {
            csv.WriteField("TID");
            if (categories.Count > 0)
            {
                csv.WriteField("KATEGORI");
            }

            csv.WriteField("INDHOLD");
            csv.NextRecord();
            foreach (var period in periods)
            {
                stored.TryGetValue(IndicatorPeriods.Key(period), out var measurement);
                if (categories.Count == 0)
                {
                    csv.WriteField(IndicatorPeriods.Key(period));
                    csv.WriteField(Figure(indicator.Unit, measurement?.Total, seesSmallNumbers, danish));
                    csv.NextRecord();
                    continue;
                }

                foreach (var category in categories)
                {
                    csv.WriteField(IndicatorPeriods.Key(period));
                    csv.WriteField(category.Name);
                    csv.WriteField(Figure(indicator.Unit, measurement?.Values.FirstOrDefault(v => v.CategoryId == category.Id)?.Value, seesSmallNumbers, danish));
                    csv.NextRecord();
                }
            }
        }

        // A byte order mark, so Excel in Danish opens the letters æ, ø and å correctly.
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
    }

    public static string FileName(Indicator indicator)
    {
        var safe = new string(indicator.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return $"{(safe.Length > 60 ? safe[..60] : safe)}-skabelon.csv";
    }

    private static string Figure(IndicatorUnit unit, decimal? value, bool seesSmallNumbers, CultureInfo culture) =>
        value is not { } v || SmallNumbers.IsHidden(unit, v, seesSmallNumbers) ? ".." : Math.Round(v, 4).ToString("0.####", culture);
}
