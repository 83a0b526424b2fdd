using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>A CSV file read into its header and rows; each row keeps its line number for messages.</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows);

public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>Why a file could not be read at all, as a resource key and its arguments.</summary>
public sealed record CsvProblem(string Key, params object[] Arguments);

/// <summary>
/// Reads the semicolon-separated files Danmarks Statistik's Statistikbanken exports (a header row, a time column such
/// as "2020" or "2020K1", optional breakdown columns, the value with a decimal comma, ".." for a missing value),
/// through CsvHelper. UTF-8 (with or without BOM) is read as such; anything else as Windows-1252/Latin-1, which is
/// what older exports and Excel in Danish write.
/// </summary>
public static class StatbankCsv
{
    /// <summary>An export for one indicator is a few kilobytes; this leaves room for a whole municipality table.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public const int MaxRows = 20_000;

    public const int MaxColumns = 30;

    public static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    public static (CsvTable? Table, CsvProblem? Problem) Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new CsvProblem("Indicators.Csv.Empty"));
        }

        if (text.Contains('\0'))
        {
            return (null, new CsvProblem("Indicators.Csv.Binary"));
        }

        var firstLine = text.Split('\n', 2)[0];
        if (!firstLine.Contains(';'))
        {
            var other = firstLine.Contains('\t') ? "tabulator" : firstLine.Contains(',') ? "komma" : null;
            return (null, other is null ? new CsvProblem("Indicators.Csv.NoSemicolon") : new CsvProblem("Indicators.Csv.WrongSeparator", other));
        }

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
        };

        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, configuration);
        if (!csv.Read() || csv.Record is not { } header)
        {
            return (null, new CsvProblem("Indicators.Csv.Empty"));
        }

        if (header.Length > MaxColumns)
        {
            return (null, new CsvProblem("Indicators.Csv.TooManyColumns", MaxColumns));
        }

        var headers = header.Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"Kolonne {i + 1}" : h.Trim()).ToList();
        if (headers.Count < 2)
        {
            return (null, new CsvProblem("Indicators.Csv.TooFewColumns"));
        }

        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var record = csv.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (rows.Count >= MaxRows)
            {
                return (null, new CsvProblem("Indicators.Csv.TooManyRows", MaxRows));
            }

            rows.Add(new CsvRow(csv.Row, record.Select(c => c.Trim()).ToList()));
        }

        return rows.Count == 0 ? (null, new CsvProblem("Indicators.Csv.NoRows")) : (new CsvTable(headers, rows), null);
    }
}
