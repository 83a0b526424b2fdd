using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared.Export;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>
/// The milestone list downloaded as CSV and Excel (the rows the list's filters match, all of them,
/// written as the site writes them), and a milestone printed on paper.
/// </summary>
public sealed class ExportTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly string[] Headers =
        ["Titel", "Fokusområder", "Type", "Tidspunkt", "Start", "Slut", "Status", "Fremdrift (%)", "Prognose", "Ansvarlig", "Sted", "Senest opdateret"];

    [Fact]
    public async Task Csv_from_the_lists_link_holds_exactly_the_filtered_rows_in_the_lists_order_written_the_Danish_way()
    {
        var s = MilestoneTestData.Unique();
        var leder = await site.UserIdAsync(DemoUsers.DepartmentHead);
        var onDay = await site.CreateMilestoneAsync($"Temadag {s}", leder, PlannedTiming.OnDay(new DateOnly(2024, 12, 13)), MilestoneStatus.AtRisk, 40, forecastDate: new DateOnly(2025, 1, 20));
        await site.CreateMilestoneAsync($"Kvartal {s}", leder, PlannedTiming.InQuarter(2025, 1), MilestoneStatus.AtRisk);
        await site.CreateMilestoneAsync($"Ikke i risiko {s}", leder, PlannedTiming.InQuarter(2025, 1), MilestoneStatus.InProgress);
        await using (var db = site.CreateDbContext())
        {
            // Norddjurs milestones too, with their focus areas.
            var norddjurs = await db.Milestones.Where(m => m.StrategyId == site.Ids.Strategy && m.Id < onDay).OrderBy(m => m.Id).Take(3).ToListAsync();
            norddjurs.ForEach(m => m.Status = MilestoneStatus.AtRisk);
            await db.SaveChangesAsync();
        }

        var client = await site.ClientFor(DemoUsers.Staff);
        var listUrl = $"/Milestones?strategyId={site.Ids.Strategy}&status=AtRisk&sort=Title";
        var list = await client.GetDocumentAsync(listUrl);
        var listRows = ListRows(list);
        Assert.True(listRows.Count >= 5, "the list should show the milestones set at risk");
        Assert.True(listRows.Count < IndexModel.PageSize, "the comparison needs the whole filtered list on one page");
        Assert.DoesNotContain(listRows, r => r[0] == $"Ikke i risiko {s}");

        var link = ExportLink(list, "Csv");
        // The list's filters and order, and nothing else: not its page number.
        Assert.Equal(
            new[] { "handler=Csv", $"strategyId={site.Ids.Strategy}", "status=AtRisk", "sort=Title" }.Order(),
            new Uri(new Uri("http://localhost"), link).Query.TrimStart('?').Split('&').Order());
        var response = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"milepaele-{MilestoneTestData.DanishToday:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);

        var csv = ParseCsv(await CsvTextAsync(response));
        Assert.Equal(Headers, csv[0]);
        var rows = csv.Skip(1).ToList();
        Assert.Equal(listRows.Select(r => r[0]), rows.Select(r => r[0]));
        foreach (var (row, shown) in rows.Zip(listRows))
        {
            Assert.Equal(12, row.Count);
            Assert.StartsWith(row[3], shown[1]); // the list adds "Forventet: …" under the period
            Assert.Equal(shown[2], row[2]);
            Assert.Equal("I risiko", row[6]);
            Assert.Equal(shown[4], row[7] + " %");
            Assert.Equal(shown[5], row[9]);
            Assert.Equal(shown[6], row[1]);
            Assert.Matches(@"^(\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2})?$", row[11]); // empty: never updated
        }

        var day = rows.Single(r => r[0] == $"Temadag {s}");
        Assert.Equal(new[] { "13. december 2024", "13. december 2024", "13. december 2024", "40", "20. januar 2025" }, new[] { day[3], day[4], day[5], day[7], day[8] });
        Assert.Matches(@"^\d{1,2}\. [a-zæøå]+ \d{4} kl\. \d{2}\.\d{2}$", day[11]); // Danish time, e.g. "23. november 2026 kl. 14.05"
        var quarter = rows.Single(r => r[0] == $"Kvartal {s}");
        Assert.Equal(new[] { "1. kvartal 2025", "1. januar 2025", "31. marts 2025", string.Empty }, new[] { quarter[3], quarter[4], quarter[5], quarter[8] });
        Assert.Contains(rows, r => r[1].Length > 0); // the Norddjurs milestones carry their focus areas
    }

    [Fact]
    public async Task Csv_quotes_separators_quotes_and_line_breaks_and_turns_would_be_formulas_into_text()
    {
        var s = MilestoneTestData.Unique();
        var formula = await site.CreateMilestoneAsync($"=HYPERLINK(\"http://evil.example\";\"Klik\") {s}", null, kind: MilestoneKind.Decision);
        var phone = await site.CreateMilestoneAsync($"+45 12 34 56 78 {s}", null, kind: MilestoneKind.Decision);
        var minus = await site.CreateMilestoneAsync($"-1+1 {s}", null, kind: MilestoneKind.Decision);
        var lines = await site.CreateMilestoneAsync($"Linje 1\r\nLinje 2; med \"citat\" {s}", null, kind: MilestoneKind.Decision);
        var plain = await site.CreateMilestoneAsync($"Trygt = ingen formel {s}", null, kind: MilestoneKind.Decision);
        await using (var db = site.CreateDbContext())
        {
            var milestone = await db.Milestones.SingleAsync(m => m.Id == formula);
            milestone.Location = "@SUM(A1:A2)";
            await db.SaveChangesAsync();
        }

        var client = await site.ClientFor(DemoUsers.Committee);
        var response = await client.GetAsync($"/Milestones?handler=Csv&strategyId={site.Ids.Strategy}&kind=Decision");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(string.Join(';', Headers) + "\r\n", text);

        // Exactly as Excel must see it.
        Assert.Contains($"\r\n\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Klik\"\") {s}\";", text);
        Assert.Contains($"\r\n'+45 12 34 56 78 {s};", text);
        Assert.Contains($"\r\n'-1+1 {s};", text);
        Assert.Contains($"\r\n\"Linje 1\r\nLinje 2; med \"\"citat\"\" {s}\";", text);
        Assert.Contains($"\r\nTrygt = ingen formel {s};", text);
        Assert.Contains(";'@SUM(A1:A2);", text);

        var rows = ParseCsv(text).Skip(1).ToList();
        Assert.All(rows, r => Assert.Equal(Headers.Length, r.Count));
        Assert.Equal($"Linje 1\r\nLinje 2; med \"citat\" {s}", rows.Single(r => r[0].EndsWith($"med \"citat\" {s}", StringComparison.Ordinal))[0]);
        Assert.Equal("'@SUM(A1:A2)", rows.Single(r => r[0].StartsWith("'=HYPERLINK", StringComparison.Ordinal) && r[0].EndsWith(s, StringComparison.Ordinal))[10]);
        Assert.Equal(5, rows.Count(r => r[0].EndsWith(s, StringComparison.Ordinal)));
        _ = (phone, minus, lines, plain);
    }

    [Theory]
    [InlineData("Almindelig tekst", "Almindelig tekst")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("sagde \"ja\"", "\"sagde \"\"ja\"\"\"")]
    [InlineData("linje 1\nlinje 2", "\"linje 1\nlinje 2\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("=A1;B1", "\"'=A1;B1\"")]
    [InlineData("1 = 1", "1 = 1")]
    [InlineData("", "")]
    public void Csv_field_is_quoted_and_defused_as_needed(string value, string field) =>
        Assert.Equal(field, CsvFile.Field(value));

    [Fact]
    public async Task Excel_workbook_read_back_with_ClosedXML_holds_the_same_rows_with_date_cells_numbers_and_a_bold_frozen_filtered_header()
    {
        var s = MilestoneTestData.Unique();
        var leder = await site.UserIdAsync(DemoUsers.DepartmentHead);
        await site.CreateMilestoneAsync($"Forsinket temadag {s}", leder, PlannedTiming.OnDay(new DateOnly(2024, 12, 13)), MilestoneStatus.Delayed, 65);
        await site.CreateMilestoneAsync($"Forsinket kvartal {s}", leder, PlannedTiming.InQuarter(2025, 1), MilestoneStatus.Delayed);
        await site.CreateMilestoneAsync($"=1+1 forsinket {s}", leder, PlannedTiming.InQuarter(2025, 1), MilestoneStatus.Delayed);
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var list = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}&status=Delayed&sort=Title&descending=true");
        var titles = ListRows(list).Select(r => r[0]).ToList();

        var response = await client.GetAsync(ExportLink(list, "Excel"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxFile.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);

        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal("Milepæle", sheet.Name);

        // The header: bold, frozen, with an autofilter over every row.
        Assert.Equal(Headers, Enumerable.Range(1, 12).Select(c => sheet.Cell(1, c).GetString()));
        Assert.All(Enumerable.Range(1, 12), c => Assert.True(sheet.Cell(1, c).Style.Font.Bold, $"header {sheet.Cell(1, c).GetString()} is not bold"));
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal($"A1:L{titles.Count + 1}", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(titles.Count + 1, sheet.LastRowUsed().RowNumber());

        // The rows: the list's, in its order.
        Assert.Equal(titles, Enumerable.Range(2, titles.Count).Select(r => sheet.Cell(r, 1).GetString()));
        var day = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == $"Forsinket temadag {s}");
        var start = day.Cell(5);
        Assert.Equal(new DateTime(2024, 12, 13), DateCell(start));
        Assert.Equal("[$-406]d\\.\\ mmmm\\ yyyy", start.Style.NumberFormat.Format);
        Assert.Equal("13. december 2024", day.Cell(4).GetString());
        Assert.Equal("Forsinket", day.Cell(7).GetString());
        Assert.Equal(XLDataType.Number, day.Cell(8).DataType);
        Assert.Equal(65, day.Cell(8).GetDouble());
        var updated = day.Cell(12);
        Assert.Contains("mmmm", updated.Style.NumberFormat.Format);
        Assert.Contains("hh", updated.Style.NumberFormat.Format);
        Assert.True(DateCell(updated) > DateTime.Today.AddDays(-2));

        var quarter = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == $"Forsinket kvartal {s}");
        Assert.Equal("1. kvartal 2025", quarter.Cell(4).GetString());
        Assert.Equal(new DateTime(2025, 3, 31), DateCell(quarter.Cell(6)));

        // A title that looks like a formula stays text.
        var formula = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == $"=1+1 forsinket {s}").Cell(1);
        Assert.False(formula.HasFormula);
        Assert.Equal(XLDataType.Text, formula.DataType);
    }

    [Fact]
    public async Task Excel_workbook_opened_in_LibreOffice_shows_the_rows_with_Danish_dates()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        Assert.True(soffice is not null, "LibreOffice is not installed (.ci/run installs libreoffice-calc-nogui)");
        var s = MilestoneTestData.Unique();
        var leder = await site.UserIdAsync(DemoUsers.DepartmentHead);
        await site.CreateMilestoneAsync($"Æbleskive-temadag {s}", leder, PlannedTiming.OnDay(new DateOnly(2024, 12, 13)), MilestoneStatus.Delayed, 65);
        var client = await site.ClientFor(DemoUsers.Staff);
        var bytes = await (await client.GetAsync($"/Milestones?handler=Excel&strategyId={site.Ids.Strategy}&status=Delayed")).Content.ReadAsByteArrayAsync();

        var folder = Directory.CreateTempSubdirectory("xlsx-lo-");
        try
        {
            var file = Path.Combine(folder.FullName, "milepaele.xlsx");
            await File.WriteAllBytesAsync(file, bytes);
            var profile = new Uri(Path.Combine(folder.FullName, "profile")).AbsoluteUri;

            // UTF-8 (76), ";" (59) and '"' (34): the CSV filter's options, so Danish letters and separators come out as written.
            var start = new System.Diagnostics.ProcessStartInfo(soffice!)
            {
                ArgumentList = { $"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", folder.FullName, file },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var csvPath = Path.Combine(folder.FullName, "milepaele.csv");
            Assert.True(File.Exists(csvPath), $"LibreOffice wrote no CSV: {output}");

            var rows = ParseCsv(NormaliseLineEnds(await File.ReadAllTextAsync(csvPath, Encoding.UTF8)));
            Assert.Equal(Headers, rows[0]);
            var day = rows.Single(r => r[0] == $"Æbleskive-temadag {s}");
            Assert.Equal("13. december 2024", day[4]); // the date cell, shown by LibreOffice in the site's Danish pattern
            Assert.Equal("65", day[7]);
            Assert.Equal("Forsinket", day[6]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A date cell as Excel stores it: a number (the serial day) with a date format. ClosedXML reads a custom
    /// Danish format such as [$-406]d\\.\\ mmmm back as a plain number, so the number and the format are checked.
    /// </summary>
    private static DateTime DateCell(IXLCell cell)
    {
        Assert.True(cell.DataType is XLDataType.DateTime or XLDataType.Number, $"{cell.Address} holds {cell.DataType}");
        Assert.False(cell.HasFormula);
        Assert.StartsWith("[$-406]", cell.Style.NumberFormat.Format);
        Assert.Contains("yyyy", cell.Style.NumberFormat.Format);
        return cell.DataType == XLDataType.DateTime ? cell.GetDateTime() : DateTime.FromOADate(cell.GetDouble());
    }

    /// <summary>LibreOffice ends CSV lines with LF; the parser here expects RFC 4180's CRLF.</summary>
    private static string NormaliseLineEnds(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    [Theory]
    [InlineData("/Milestones?handler=Csv&strategyId={0}")]
    [InlineData("/Milestones?handler=Excel&strategyId={0}")]
    [InlineData("/Milestones/Print/{1}")]
    public async Task Exports_and_the_print_view_are_for_every_signed_in_role_and_send_anonymous_visitors_to_sign_in(string template)
    {
        var url = string.Format(CultureInfo.InvariantCulture, template, site.Ids.Strategy, site.Ids.Milestone);
        foreach (var email in DemoUsers.All)
        {
            var response = await (await site.ClientFor(email)).GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} GET {url} gave {(int)response.StatusCode}");
        }

        var anonymous = await (await site.ClientFor(null)).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Export_of_a_strategy_that_does_not_exist_is_not_found()
    {
        var client = await site.ClientFor(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Milestones?handler=Csv&strategyId=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Milestones?handler=Excel&strategyId=999999")).StatusCode);
    }

    [Fact]
    public async Task Print_view_of_a_Norddjurs_milestone_has_its_content_and_no_navigation_forms_or_buttons()
    {
        Milestone milestone;
        await using (var db = site.CreateDbContext())
        {
            milestone = await db.Milestones.AsNoTracking().Include(m => m.FocusAreas).Include(m => m.Owner).SingleAsync(m => m.Id == site.Ids.Milestone);
        }

        var client = await site.ClientFor(DemoUsers.Staff);
        var details = await client.GetDocumentAsync($"/Milestones/Details/{milestone.Id}");
        var printLink = details.QuerySelector($"main a[href='/Milestones/Print/{milestone.Id}']");
        Assert.NotNull(printLink);
        Assert.Equal("Udskriv", printLink.Text());

        var page = await client.GetDocumentAsync(printLink.GetAttribute("href")!);
        Assert.Equal(milestone.Title, page.QuerySelector("h1")!.Text());
        Assert.Empty(page.QuerySelectorAll("nav, header, footer, form, button, input, select, script, .navigation-menu"));
        var main = page.QuerySelector("main")!.Text();
        Assert.Contains(milestone.Owner!.FullName, main);
        Assert.All(milestone.FocusAreas, area => Assert.Contains(area.Title, main));
        Assert.StartsWith(Definition(page, "Tidspunkt"), Definition(details, "Tidspunkt")); // the details page adds the precision
        Assert.Equal(details.QuerySelector("main h1 + p .status-badge")!.Text(), page.QuerySelector("main h1 + p .status-badge")!.Text());
        foreach (var heading in new[] { "Interessenter", "Opgaver", "Seneste statusopdateringer" })
        {
            Assert.Contains(heading, page.QuerySelectorAll("h2").Select(h => h.Text()));
        }
    }

    private static string Definition(IHtmlDocument page, string term) =>
        page.QuerySelectorAll("main dt").Single(dt => dt.Text() == term).NextElementSibling!.Text();

    /// <summary>Each row of the list table as its cells' text: title, timing, kind, status, progress, owner, focus areas.</summary>
    private static List<string[]> ListRows(IHtmlDocument list) =>
        list.QuerySelectorAll("main table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToArray()).ToList();

    private static string ExportLink(IHtmlDocument list, string handler) =>
        list.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains($"handler={handler}", StringComparison.Ordinal));

    private static async Task<string> CsvTextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    /// <summary>RFC 4180 with ";": quoted fields may hold separators, doubled quotes and line breaks.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "the CSV ends inside a quoted field");
        Assert.True(field.Length == 0 && row.Count == 0, "the CSV's last line has no line end");
        return rows;
    }
}
