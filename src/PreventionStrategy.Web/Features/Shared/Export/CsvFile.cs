using System.Text;

namespace PreventionStrategy.Web.Features.Shared.Export;

/// <summary>
/// A sheet as CSV the way Danish Excel opens it with a double-click: UTF-8 with a byte-order mark
/// (without it Excel reads "æøå" as Windows-1252) and ";" between fields (Danish Excel's list
/// separator, since "," is the decimal comma).
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const char Separator = ';';

    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(Sheet sheet)
    {
        var csv = new StringBuilder();
        AppendLine(csv, sheet.Headers);
        foreach (var row in sheet.Rows)
        {
            AppendLine(csv, row.Select(c => c.Text));
        }

        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// One field, safe to open: a value a spreadsheet would run as a formula ("=HYPERLINK(…)",
    /// "+45…", "-1+1", "@SUM…") gets a leading apostrophe so it stays text (CSV injection), and a
    /// value holding the separator, a quote or a line break is quoted with its quotes doubled.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny([Separator, '"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(Separator, fields.Select(Field));

        // RFC 4180 line ends; a line break inside a quoted field stays as it was typed.
        csv.Append("\r\n");
    }
}
