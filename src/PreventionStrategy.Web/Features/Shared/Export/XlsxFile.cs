using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PreventionStrategy.Web.Features.Shared.Export;

/// <summary>
/// A sheet as an Excel workbook (.xlsx), written directly as the handful of SpreadsheetML parts
/// Excel and LibreOffice need: no package to keep up to date for one table. Dates are real date
/// cells shown in the site's own pattern, numbers are numbers, and the header row is bold, frozen
/// and carries an autofilter.
/// </summary>
public static class XlsxFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Excel refuses a file with a longer cell ("we found a problem with some content").</summary>
    private const int MaxCellLength = 32767;

    // Indexes into cellXfs in styles.xml.
    private const int HeaderStyle = 1;
    private const int DateStyle = 2;
    private const int DateTimeStyle = 3;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    public static byte[] Write(Sheet sheet)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var name = SheetName(sheet.Name);
            var range = $"A1:{Column(sheet.Headers.Count - 1)}{sheet.Rows.Count + 1}";
            Part(zip, "[Content_Types].xml", ContentTypes);
            Part(zip, "_rels/.rels", RootRelationships);
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Part(zip, "xl/workbook.xml", xml => Workbook(xml, name, range));
            Part(zip, "xl/styles.xml", xml => Styles(xml, sheet.Formats));
            Part(zip, "xl/worksheets/sheet1.xml", xml => Worksheet(xml, sheet, range));
        }

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

    /// <summary>Column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static void Escape(StringBuilder format, string literal)
    {
        foreach (var c in literal)
        {
            format.Append('\\').Append(c);
        }
    }

    private static void Part(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void ContentTypes(XmlWriter xml)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        xml.WriteStartElement("Types", ns);
        Default("rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default("xml", "application/xml");
        Override("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        Override("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        xml.WriteEndElement();

        void Default(string extension, string type)
        {
            xml.WriteStartElement("Default", ns);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        void Override(string part, string type)
        {
            xml.WriteStartElement("Override", ns);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    private static void RootRelationships(XmlWriter xml)
    {
        xml.WriteStartElement("Relationships", PackageRelationships);
        Relationship(xml, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
        xml.WriteEndElement();
    }

    private static void WorkbookRelationships(XmlWriter xml)
    {
        xml.WriteStartElement("Relationships", PackageRelationships);
        Relationship(xml, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml");
        Relationship(xml, "rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static void Workbook(XmlWriter xml, string name, string range)
    {
        xml.WriteStartElement("workbook", Main);
        xml.WriteAttributeString("xmlns", "r", null, Relationships);
        xml.WriteStartElement("sheets", Main);
        xml.WriteStartElement("sheet", Main);
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("sheetId", "1");
        xml.WriteAttributeString("id", Relationships, "rId1");
        xml.WriteEndElement();
        xml.WriteEndElement();

        // Excel keeps an autofilter's range under this hidden name; without it some versions drop the filter buttons.
        xml.WriteStartElement("definedNames", Main);
        xml.WriteStartElement("definedName", Main);
        xml.WriteAttributeString("name", "_xlnm._FilterDatabase");
        xml.WriteAttributeString("localSheetId", "0");
        xml.WriteAttributeString("hidden", "1");
        xml.WriteString($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(range)}");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Styles(XmlWriter xml, SheetFormats formats)
    {
        xml.WriteStartElement("styleSheet", Main);
        xml.WriteStartElement("numFmts", Main);
        xml.WriteAttributeString("count", "2");
        NumberFormat(164, ExcelFormat(formats.DatePattern, formats.Culture));
        NumberFormat(165, ExcelFormat(formats.DateTimePattern, formats.Culture));
        xml.WriteEndElement();

        xml.WriteStartElement("fonts", Main);
        xml.WriteAttributeString("count", "2");
        Font(bold: false);
        Font(bold: true);
        xml.WriteEndElement();

        xml.WriteStartElement("fills", Main);
        xml.WriteAttributeString("count", "2");
        Fill("none");
        Fill("gray125"); // Excel expects these two fills first, whether used or not.
        xml.WriteEndElement();

        xml.WriteStartElement("borders", Main);
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("border", Main);
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            xml.WriteElementString(side, Main, null);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyleXfs", Main);
        xml.WriteAttributeString("count", "1");
        CellFormat(0, 0, master: true);
        xml.WriteEndElement();

        xml.WriteStartElement("cellXfs", Main);
        xml.WriteAttributeString("count", "4");
        CellFormat(0, 0);
        CellFormat(0, 1); // HeaderStyle
        CellFormat(164, 0); // DateStyle
        CellFormat(165, 0); // DateTimeStyle
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyles", Main);
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("cellStyle", Main);
        xml.WriteAttributeString("name", "Normal");
        xml.WriteAttributeString("xfId", "0");
        xml.WriteAttributeString("builtinId", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        void NumberFormat(int id, string code)
        {
            xml.WriteStartElement("numFmt", Main);
            xml.WriteAttributeString("numFmtId", id.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("formatCode", code);
            xml.WriteEndElement();
        }

        void Font(bool bold)
        {
            xml.WriteStartElement("font", Main);
            if (bold)
            {
                xml.WriteElementString("b", Main, null);
            }

            Value("sz", "11");
            Value("name", "Calibri");
            Value("family", "2");
            xml.WriteEndElement();
        }

        void Value(string element, string value)
        {
            xml.WriteStartElement(element, Main);
            xml.WriteAttributeString("val", value);
            xml.WriteEndElement();
        }

        void Fill(string pattern)
        {
            xml.WriteStartElement("fill", Main);
            xml.WriteStartElement("patternFill", Main);
            xml.WriteAttributeString("patternType", pattern);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        void CellFormat(int numberFormat, int font, bool master = false)
        {
            xml.WriteStartElement("xf", Main);
            xml.WriteAttributeString("numFmtId", numberFormat.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("fontId", font.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("fillId", "0");
            xml.WriteAttributeString("borderId", "0");
            if (!master)
            {
                xml.WriteAttributeString("xfId", "0");
                if (numberFormat != 0)
                {
                    xml.WriteAttributeString("applyNumberFormat", "1");
                }

                if (font != 0)
                {
                    xml.WriteAttributeString("applyFont", "1");
                }
            }

            xml.WriteEndElement();
        }
    }

    private static void Worksheet(XmlWriter xml, Sheet sheet, string range)
    {
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("dimension", Main);
        xml.WriteAttributeString("ref", range);
        xml.WriteEndElement();

        // The header row stays in view while scrolling.
        xml.WriteStartElement("sheetViews", Main);
        xml.WriteStartElement("sheetView", Main);
        xml.WriteAttributeString("tabSelected", "1");
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane", Main);
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteStartElement("selection", Main);
        xml.WriteAttributeString("pane", "bottomLeft");
        xml.WriteAttributeString("activeCell", "A2");
        xml.WriteAttributeString("sqref", "A2");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cols", Main);
        for (var column = 0; column < sheet.Headers.Count; column++)
        {
            var number = (column + 1).ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("col", Main);
            xml.WriteAttributeString("min", number);
            xml.WriteAttributeString("max", number);
            xml.WriteAttributeString("width", Width(sheet, column).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("sheetData", Main);
        Row(xml, 1, sheet.Headers.Select(SheetCell.Of).ToList(), HeaderStyle);
        for (var row = 0; row < sheet.Rows.Count; row++)
        {
            Row(xml, row + 2, sheet.Rows[row], style: null);
        }

        xml.WriteEndElement();

        xml.WriteStartElement("autoFilter", Main);
        xml.WriteAttributeString("ref", range);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Row(XmlWriter xml, int number, IReadOnlyList<SheetCell> cells, int? style)
    {
        var rowNumber = number.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", rowNumber);
        for (var column = 0; column < cells.Count; column++)
        {
            var cell = cells[column];
            if (cell.IsEmpty && style is null)
            {
                continue;
            }

            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", Column(column) + rowNumber);
            var cellStyle = style ?? cell.Kind switch
            {
                CellKind.Date => DateStyle,
                CellKind.DateTime => DateTimeStyle,
                _ => 0,
            };
            if (cellStyle != 0)
            {
                xml.WriteAttributeString("s", cellStyle.ToString(CultureInfo.InvariantCulture));
            }

            if (cell.Kind == CellKind.Text)
            {
                // Inline strings, not shared ones: nothing to deduplicate worth a second part, and text is never taken for a formula.
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", Main);
                xml.WriteStartElement("t", Main);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(XmlText(cell.Text));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteElementString("v", Main, cell.Value.ToString("R", CultureInfo.InvariantCulture));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Wide enough for the longest value in the column (in characters), within reason.</summary>
    private static int Width(Sheet sheet, int column)
    {
        var longest = sheet.Rows.Select(r => column < r.Count ? LongestLine(r[column].Text) : 0).Append(sheet.Headers[column].Length).Max();
        return Math.Clamp(longest + 2, 8, 60);
    }

    private static int LongestLine(string text) => text.Split('\n').Max(line => line.Length);

    /// <summary>Control characters other than tab and line breaks cannot be stored in XML at all; they are dropped.</summary>
    private static string XmlText(string text)
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

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(cell => "$" + string.Concat(cell.TakeWhile(char.IsLetter)) + "$" + string.Concat(cell.SkipWhile(char.IsLetter))));
}
