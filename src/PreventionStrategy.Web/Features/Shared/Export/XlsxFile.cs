using System.Globalization;
using System.Text;
using System.Xml;
using ClosedXML.Excel;

namespace PreventionStrategy.Web.Features.Shared.Export;

/// <summary>
/// A sheet as an Excel workbook (.xlsx), written with ClosedXML. Dates are real date cells shown in
/// the site's own pattern, numbers are numbers, and the header row is bold, frozen and carries an
/// autofilter.
/// </summary>
public static class XlsxFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel refuses a file with a longer cell ("we found a problem with some content").</summary>
    private const int MaxCellLength = 32767;

    public static byte[] Write(Sheet sheet)
    {
        using var workbook = new XLWorkbook();
        var worksheet = workbook.Worksheets.Add(SheetName(sheet.Name));
        var dateFormat = ExcelFormat(sheet.Formats.DatePattern, sheet.Formats.Culture);
        var dateTimeFormat = ExcelFormat(sheet.Formats.DateTimePattern, sheet.Formats.Culture);

        for (var column = 0; column < sheet.Headers.Count; column++)
        {
            worksheet.Cell(1, column + 1).SetValue(CleanText(sheet.Headers[column]));
        }

        for (var row = 0; row < sheet.Rows.Count; row++)
        {
            var cells = sheet.Rows[row];
            for (var column = 0; column < cells.Count; column++)
            {
                var value = cells[column];
                if (value.IsEmpty)
                {
                    continue;
                }

                var cell = worksheet.Cell(row + 2, column + 1);
                switch (value.Kind)
                {
                    case CellKind.Number:
                        cell.SetValue(value.Value);
                        break;
                    case CellKind.Date:
                        cell.SetValue(DateTime.FromOADate(value.Value));
                        cell.Style.NumberFormat.Format = dateFormat;
                        break;
                    case CellKind.DateTime:
                        cell.SetValue(DateTime.FromOADate(value.Value));
                        cell.Style.NumberFormat.Format = dateTimeFormat;
                        break;
                    default:
                        // SetValue with a string keeps it text: "=1+1" or "0045" are not turned into a formula or a number.
                        cell.SetValue(CleanText(value.Text));
                        break;
                }
            }
        }

        var lastColumn = Math.Max(sheet.Headers.Count, 1);
        var header = worksheet.Range(1, 1, 1, lastColumn);
        header.Style.Font.Bold = true;
        worksheet.SheetView.FreezeRows(1);
        worksheet.Range(1, 1, sheet.Rows.Count + 1, lastColumn).SetAutoFilter();

        // Widths from the texts, not AdjustToContents: that measures with System.Drawing, which .NET does not support on Linux.
        for (var column = 0; column < sheet.Headers.Count; column++)
        {
            worksheet.Column(column + 1).Width = Width(sheet, column);
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    /// <summary>"d. MMMM yyyy 'kl.' HH.mm" in .NET becomes [$-406]d\.\ mmmm\ yyyy\ "kl."\ hh\.mm in Excel: same text, Danish month names.</summary>
    public static string ExcelFormat(string pattern, CultureInfo culture)
    {
        var format = new StringBuilder($"[$-{culture.LCID:X}]");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c && char.IsLetter(c))
            {
                run++;
            }

            switch (c)
            {
                case 'd' or 's':
                    format.Append(c, Math.Min(run, c == 'd' ? 4 : 2));
                    break;
                case 'M' or 'm':
                    format.Append('m', Math.Min(run, c == 'M' ? 4 : 2));
                    break;
                case 'y':
                    format.Append(run <= 2 ? "yy" : "yyyy");
                    break;
                case 'H' or 'h':
                    format.Append('h', Math.Min(run, 2));
                    break;
                case '\'' or '"':
                    var end = pattern.IndexOf(c, i + 1);
                    end = end < 0 ? pattern.Length : end;
                    format.Append('"').Append(pattern, i + 1, end - i - 1).Append('"');
                    run = end - i + 1;
                    break;
                case '\\' when i + 1 < pattern.Length:
                    format.Append('\\').Append(pattern[i + 1]);
                    run = 2;
                    break;
                case ':':
                    Escape(format, culture.DateTimeFormat.TimeSeparator);
                    break;
                case '/':
                    Escape(format, culture.DateTimeFormat.DateSeparator);
                    break;
                default:
                    // Everything else is literal; escaped, since a bare letter or "." can mean something to Excel.
                    Escape(format, new string(c, run));
                    break;
            }

            i += run - 1;
        }

        return format.ToString();
    }

    private static void Escape(StringBuilder format, string literal)
    {
        foreach (var c in literal)
        {
            format.Append('\\').Append(c);
        }
    }

    /// <summary>Wide enough for the longest value in the column (in characters), within reason.</summary>
    private static int Width(Sheet sheet, int column)
    {
        var longest = sheet.Rows.Select(r => column < r.Count ? LongestLine(r[column].Text) : 0).Append(sheet.Headers[column].Length).Max();
        return Math.Clamp(longest + 2, 8, 60);
    }

    private static int LongestLine(string text) => text.Split('\n').Max(line => line.Length);

    /// <summary>Control characters other than tab and line breaks cannot be stored in XML at all; they are dropped.</summary>
    private static string CleanText(string text)
    {
        if (text.Length > MaxCellLength)
        {
            text = text[..MaxCellLength];
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }

        return clean.ToString();
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim('\'', ' ');
        clean = clean.Length > 31 ? clean[..31] : clean;
        return clean.Length == 0 ? "Sheet1" : clean;
    }
}
