using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Indicators;

/// <summary>
/// The Statistikbanken CSV import through the real pages (upload, preview with the column mapping, save all or nothing),
/// and who may open the import and entry pages.
/// </summary>
public sealed class IndicatorCsvImportTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData(DemoUsers.Staff, "Import", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Committee, "Import", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.DepartmentHead, "Import", HttpStatusCode.OK)]
    [InlineData(DemoUsers.Administrator, "Import", HttpStatusCode.OK)]
    [InlineData(DemoUsers.Staff, "Measurements", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Committee, "Measurements", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.DepartmentHead, "Measurements", HttpStatusCode.OK)]
    [InlineData(DemoUsers.Administrator, "Measurements", HttpStatusCode.OK)]
    public async Task Only_the_owner_and_administrators_may_open_the_import_and_entry_pages(string user, string page, HttpStatusCode expected)
    {
        int id;
        await using (var db = site.CreateDbContext())
        {
            id = await db.Indicators.Where(i => i.Name == "Anbringelser efter type").Select(i => i.Id).SingleAsync();
        }

        var client = await site.ClientFor(user);
        using var response = await client.GetAsync($"/Indicators/{page}/{id}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_template_csv_downloads_with_the_indicators_categories_semicolon_separated()
    {
        int id;
        await using (var db = site.CreateDbContext())
        {
            id = await db.Indicators.Where(i => i.Name == "Anbringelser efter type").Select(i => i.Id).SingleAsync();
        }

        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        using var response = await client.GetAsync($"/Indicators/Details/{id}?handler=Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(";", text.Split('\n')[0], StringComparison.Ordinal);
    }

    private const string ByType = "Anbringelser efter type";

    [Fact]
    public async Task A_Statistikbanken_file_in_Windows_1252_is_imported_after_choosing_the_municipality_and_the_I_alt_row_is_skipped()
    {
        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        var id = await IdAsync(ByType);
        var csv = """
            OMRÅDE;ANBRINGELSESSTED;TID;INDHOLD
            Norddjurs;Netværkspleje;2021;10
            Norddjurs;Plejefamilie;2021;70
            Norddjurs;Kombinationsanbringelse;2021;4
            Norddjurs;Døgninstitution;2021;45
            Norddjurs;Eget værelse / andet;2021;2
            Norddjurs;I alt;2021;131
            Norddjurs;Netværkspleje;2022;12,0
            Norddjurs;Plejefamilie;2022;69
            Norddjurs;Kombinationsanbringelse;2022;5
            Norddjurs;Døgninstitution;2022;44
            Norddjurs;Eget værelse / andet;2022;3
            Norddjurs;Netværkspleje;2020;..
            Norddjurs;Plejefamilie;2020;..
            Syddjurs;Netværkspleje;2021;8
            """;
        var preview = await UploadAsync(client, id, Encoding.Latin1.GetBytes(csv));
        Assert.Contains("Filen statistikbanken.csv har 14 rækker og 4 kolonner.", preview.Body!.TextContent);
        await using var db = site.CreateDbContext();
        var revisionsBefore = await db.MeasurementRevisions.CountAsync(r => r.IndicatorId == id);

        // Without choosing the municipality the file cannot be saved.
        var refused = await client.SubmitFormAsync(preview, SaveUrl(id), new Dictionary<string, string>());
        var refusedPage = await refused.ParseAsync();
        Assert.Contains("Kolonnen \"OMRÅDE\" har 2 forskellige værdier. Vælg, hvilken der skal bruges.", refusedPage.Body!.TextContent);

        var saved = await client.SubmitFormAsync(refusedPage, SaveUrl(id), new Dictionary<string, string> { ["Input.Filters[0]"] = "Norddjurs", ["Input.Comment"] = "Statistikbanken, hentet 5.12.2026" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await db.IndicatorMeasurements.AsNoTracking().Include(m => m.Values).ThenInclude(v => v.Category)
            .Where(m => m.IndicatorId == id && (m.PeriodKey == "2021" || m.PeriodKey == "2022" || m.PeriodKey == "2020")).OrderBy(m => m.PeriodKey).ToListAsync();
        Assert.Equal(["2021", "2022"], stored.Select(m => m.PeriodKey));
        Assert.Equal(131, stored[0].Total);
        Assert.Equal(133, stored[1].Total);
        Assert.Equal(45, stored[0].Values.Single(v => v.Category!.Name == "Døgninstitution").Value);
        Assert.All(stored, m => Assert.Equal("Statistikbanken, hentet 5.12.2026", m.Comment));
        Assert.All(stored, m => Assert.True(m.IsFinal));
        Assert.Equal(revisionsBefore + 2, await db.MeasurementRevisions.CountAsync(r => r.IndicatorId == id));
        var page = await client.GetDocumentAsync($"/Indicators/Details/{id}");
        Assert.Contains("131", page.QuerySelector("#period-2021")!.TextContent);
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_a_Danish_message_per_row_and_nothing_is_stored()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var id = await IdAsync("Anbragte børn og unge");
        var csv = "TID;INDHOLD\n2017;150\n2018K5;140\n2019;mange\n2021;-3\n2017;151\n";
        var preview = await UploadAsync(client, id, Encoding.UTF8.GetBytes(csv));
        await using var db = site.CreateDbContext();
        var before = await db.IndicatorMeasurements.CountAsync(m => m.IndicatorId == id);

        var response = await client.SubmitFormAsync(preview, SaveUrl(id), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problems = (await response.ParseAsync()).QuerySelectorAll(".alert-error li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Linje 3: \"2018K5\" er ikke et årstal som 2020.", problems);
        Assert.Contains("Linje 4: \"mange\" er ikke et tal (brug decimalkomma, fx 42,5; \"..\" for en manglende værdi).", problems);
        Assert.Contains("Linje 5: Tallet for 2021 kan ikke være negativt.", problems);
        Assert.Contains("Linje 6: 2017 har allerede et tal.", problems);
        Assert.Equal(before, await db.IndicatorMeasurements.CountAsync(m => m.IndicatorId == id));
    }

    public static TheoryData<string, byte[], string> UnreadableFiles => new()
    {
        { "empty", [], "Filen er tom." },
        { "comma", Encoding.UTF8.GetBytes("TID,INDHOLD\n2021,5\n"), "Filen er adskilt med komma, ikke semikolon." },
        { "tab", Encoding.UTF8.GetBytes("TID\tINDHOLD\n2021\t5\n"), "Filen er adskilt med tabulator, ikke semikolon." },
        { "header only", Encoding.UTF8.GetBytes("TID;INDHOLD\n"), "Filen har kun en overskrift og ingen rækker med tal." },
        { "10 MB", Encoding.UTF8.GetBytes("TID;INDHOLD\n" + string.Concat(Enumerable.Repeat("2021;5\n", 10 * 1024 * 1024 / 7))), "Filen fylder 10,0 MB; en indikatorfil må højst fylde 2 MB." },
    };

    [Theory]
    // Not enumerated at discovery: xunit would serialise the 10 MB file into the test case, which
    // (now and then) took the test host to 10 GB and an out-of-memory kill before any test ran.
    [MemberData(nameof(UnreadableFiles), DisableDiscoveryEnumeration = true)]
    public async Task An_unreadable_file_gets_a_Danish_message_and_nothing_is_kept(string kind, byte[] content, string message)
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var id = await IdAsync("Anbragte børn og unge");
        await using var db = site.CreateDbContext();
        var drafts = await db.IndicatorImportDrafts.CountAsync();

        var response = await PostFileAsync(client, id, content);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {(int)response.StatusCode}");
        var text = (await response.ParseAsync()).QuerySelector("#Upload-error")?.TextContent ?? string.Empty;
        Assert.Contains(message, text);
        Assert.Equal(drafts, await db.IndicatorImportDrafts.CountAsync());
    }

    [Fact]
    public async Task The_template_imported_unchanged_corrects_nothing()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        var id = await IdAsync("Sammenbrud i anbringelser");
        var template = await client.GetByteArrayAsync($"/Indicators/Details/{id}?handler=Template");
        await using var db = site.CreateDbContext();
        var revisions = await db.MeasurementRevisions.CountAsync(r => r.IndicatorId == id);
        var before = await db.IndicatorMeasurements.AsNoTracking().Where(m => m.IndicatorId == id).OrderBy(m => m.PeriodKey).Select(m => new { m.PeriodKey, m.Total, m.Version }).ToListAsync();

        var preview = await UploadAsync(client, id, template);
        var effects = preview.QuerySelectorAll("table tbody tr td:last-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.NotEmpty(effects);
        Assert.All(effects, effect => Assert.Equal("uændret", effect));

        var saved = await client.SubmitFormAsync(preview, SaveUrl(id), new Dictionary<string, string> { ["Input.IsFinal"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await db.IndicatorMeasurements.AsNoTracking().Where(m => m.IndicatorId == id).OrderBy(m => m.PeriodKey).Select(m => new { m.PeriodKey, m.Total, m.Version }).ToListAsync();
        Assert.Equal(before.Select(m => (m.PeriodKey, m.Total)), after.Select(m => (m.PeriodKey, m.Total)));
    }

    private static string SaveUrl(int id) => $"/Indicators/Import/{id}?handler=Save";

    private async Task<int> IdAsync(string name)
    {
        await using var db = site.CreateDbContext();
        return await db.Indicators.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, int id, byte[] content)
    {
        var page = await client.GetDocumentAsync($"/Indicators/Import/{id}");
        var token = page.QuerySelector("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "Upload", "statistikbanken.csv" },
        };
        return await client.PostAsync($"/Indicators/Import/{id}?handler=Upload", form);
    }

    /// <summary>Uploads a file and follows the redirect to its preview page.</summary>
    private static async Task<IHtmlDocument> UploadAsync(HttpClient client, int id, byte[] content)
    {
        var response = await PostFileAsync(client, id, content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload gave {(int)response.StatusCode}: {string.Join(" | ", (await response.ParseAsync()).ErrorMessages())}");
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }
}
