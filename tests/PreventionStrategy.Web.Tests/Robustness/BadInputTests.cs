using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>
/// Every form of the site, found by crawling the pages of <see cref="SitePages"/>, posted with each
/// field in turn replaced by something bad; and every list page asked for with a bad query string.
/// Each answer is checked the same way: no 500 and no error in the site's log, a Danish message (a
/// validation summary or a Danish status page), raw markup never echoed, and the database either
/// untouched or holding exactly what was sent.
/// </summary>
public sealed class BadInputTests(RobustnessSite fixture) : IClassFixture<RobustnessSite>
{
    private const string Anonymous = "anonymous";

    private static readonly HtmlParser Parser = new();

    private static DanishTexts? danish;

    private DemoSite Site => fixture.Site;

    private DanishTexts Danish => danish ??= DanishTexts.From(Site.Services);

    /// <summary>The pages a person fills forms on: the matrix's HTML pages, as the administrator (the owners' pages as the department head).</summary>
    public static TheoryData<string, string> FormPages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (template, allowed) in SitePages.All.Where(p => IsHtml(p.Template)))
            {
                data.Add(ForRole(template, allowed), allowed == SitePages.Owners ? DemoUsers.DepartmentHead : DemoUsers.Administrator);
            }

            data.Add("/Milestones/TaskEdit/{ownTask}", DemoUsers.DepartmentHead);
            data.Add("/Committees/MeetingEdit/{demoMeeting}", DemoUsers.Administrator);
            data.Add("/Identity/Account/Login", Anonymous);
            return data;
        }
    }

    /// <summary>Every page with its query string and ids made bad, and the anonymous pages that take a token.</summary>
    public static TheoryData<string, string> QueryPages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (template, allowed) in SitePages.All.Where(p => p.Template != "/hangfire"))
            {
                data.Add(ForRole(template, allowed), allowed == SitePages.Owners ? DemoUsers.DepartmentHead : DemoUsers.Administrator);
            }

            data.Add("/Identity/Account/SetPassword?userId={staffUser}&token=abc", Anonymous);
            data.Add("/Reminders/Unsubscribe?token=abc", Anonymous);
            data.Add("/Calendar/Feed/abc.ics", Anonymous);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FormPages))]
    public async Task Every_form_refuses_bad_input_in_Danish_or_stores_it_exactly(string template, string role)
    {
        var client = await ClientAsync(role);
        var url = Resolve(template);
        var failures = new List<string>();
        var forms = PostForm.Read(await client.GetDocumentAsync(url), url)
            .Where(f => f.Path is not "/Identity/Account/Logout" and not "/Localization/SetLanguage")
            .ToList();
        foreach (var form in forms)
        {
            if (!fixture.FormsDone.Add(form.Signature))
            {
                continue;
            }

            await RunBatteryAsync(client, url, form, role, failures);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers on {url} were wrong:\n" + string.Join("\n", failures.Take(60)));
    }

    [Theory]
    [MemberData(nameof(QueryPages))]
    public async Task Bad_query_strings_and_ids_give_a_Danish_page_not_an_error(string template, string role)
    {
        var client = await ClientAsync(role);
        var url = Resolve(template);
        var failures = new List<string>();
        foreach (var bad in await BadUrlsAsync(client, url))
        {
            using var version = await DataVersion.OpenAsync(Site.DatabasePath);
            Site.Errors.Clear();
            var response = await client.GetAsync(bad);
            var body = await response.Content.ReadAsStringAsync();
            var label = $"GET {Shorten(bad)}";
            CheckHandled(label, response, body, failures);
            if (await version.ChangedAsync())
            {
                failures.Add($"{label}: changed the database");
            }

            switch (response.StatusCode)
            {
                case HttpStatusCode.OK when IsHtmlResponse(response):
                    var page = Parser.ParseDocument(body);
                    if (!IsDanishPage(page))
                    {
                        failures.Add($"{label}: the page is not Danish");
                    }

                    // "Side 2147483647 af 2" is past the end and must be empty: an offset that overflowed shows page one's rows under it.
                    if (page.QuerySelector(".pagination span")?.TextContent is { } paging
                        && System.Text.RegularExpressions.Regex.Match(paging, @"(\d+) af (\d+)") is { Success: true } pages
                        && long.Parse(pages.Groups[1].Value) > long.Parse(pages.Groups[2].Value)
                        && page.QuerySelectorAll("main table tbody tr").Length > 0)
                    {
                        failures.Add($"{label}: shows rows under \"{paging.Trim()}\"");
                    }

                    break;
                case HttpStatusCode.OK:
                case HttpStatusCode.NotModified:
                    break;
                case HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther:
                    if (response.Headers.Location is not { IsAbsoluteUri: false })
                    {
                        failures.Add($"{label}: redirected off the site to {response.Headers.Location}");
                    }

                    break;
                case HttpStatusCode.BadRequest or HttpStatusCode.NotFound:
                    CheckStatusPage(label, body, failures);
                    break;
                default:
                    failures.Add($"{label}: answered {(int)response.StatusCode}");
                    break;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers were wrong:\n" + string.Join("\n", failures.Take(60)));
    }

    [Theory]
    [InlineData("value")]
    [InlineData("count")]
    public async Task An_over_large_post_is_refused_with_a_Danish_page_and_saves_nothing(string what)
    {
        var client = await ClientAsync(DemoUsers.Administrator);
        var url = $"/Milestones/Edit/{Site.Ids.Milestone}";
        var form = PostForm.Read(await client.GetDocumentAsync(url), url).First(f => f.Handler is null && f.Path.StartsWith("/Milestones/Edit", StringComparison.Ordinal));
        var values = form.Values();
        if (what == "value")
        {
            // Past the form reader's 4 MB limit for one value.
            values.Add(new("Input.Description", BadValues.LongText(5 * 1024 * 1024)));
        }
        else
        {
            // Past its limit of 1,024 fields.
            values.AddRange(Enumerable.Range(0, 5000).Select(i => new KeyValuePair<string, string>($"Input.FocusAreaIds[{i}]", "1")));
        }

        using var version = await DataVersion.OpenAsync(Site.DatabasePath);
        Site.Errors.Clear();
        var response = await client.PostAsync(form.Action, new FormUrlEncodedContent(values));
        var body = await response.Content.ReadAsStringAsync();

        var failures = new List<string>();
        CheckHandled("over-large post", response, body, failures);
        Assert.Empty(failures);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"answered {(int)response.StatusCode}");
        CheckStatusPage("over-large post", body, failures);
        Assert.Empty(failures);
        Assert.False(await version.ChangedAsync(), "the database changed");
    }

    [Fact]
    public async Task An_over_large_upload_is_refused_with_a_Danish_page_and_imports_nothing()
    {
        var client = await ClientAsync(DemoUsers.Administrator);
        var form = PostForm.Read(await client.GetDocumentAsync("/Plans/Import"), "/Plans/Import").First(f => f.IsMultipart);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Values())
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\": \"" + BadValues.LongText(6 * 1024 * 1024) + "\"}")), "Upload", "plan.json");
        using var version = await DataVersion.OpenAsync(Site.DatabasePath);
        Site.Errors.Clear();
        var response = await client.PostAsync(form.Action, content);
        var body = await response.Content.ReadAsStringAsync();

        var failures = new List<string>();
        CheckHandled("over-large upload", response, body, failures);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            CheckRefusal("over-large upload", Parser.ParseDocument(body), failures);
        }
        else
        {
            CheckStatusPage("over-large upload", body, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.False(await version.ChangedAsync(), "the database changed");
    }

    [Theory]
    [InlineData("{\"name\": 1}")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{\"name\": \"<script>alert(1)</script>\", \"focusAreas\": \"'; DROP TABLE Milestones; --\"}")]
    [InlineData("{\"name\": \"X\", \"milestones\": [{\"title\": \"Y\", \"timing\": \"9999-12-31\", \"plannedYear\": 99999999999}]}")]
    [InlineData("")]
    public async Task A_bad_plan_file_is_refused_in_Danish_and_imports_nothing(string json)
    {
        var client = await ClientAsync(DemoUsers.Administrator);
        var form = PostForm.Read(await client.GetDocumentAsync("/Plans/Import"), "/Plans/Import").First(f => f.IsMultipart);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Values())
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "Upload", "plan.json");
        using var version = await DataVersion.OpenAsync(Site.DatabasePath);
        Site.Errors.Clear();
        var response = await client.PostAsync(form.Action, content);
        var body = await response.Content.ReadAsStringAsync();

        var failures = new List<string>();
        CheckHandled("bad plan", response, body, failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        CheckRefusal("bad plan", Parser.ParseDocument(body), failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.False(await version.ChangedAsync(), "the database changed");
    }

    [Theory]
    [InlineData("culture", "xx-XX")]
    [InlineData("culture", "<script>alert(1)</script>")]
    [InlineData("returnUrl", "//evil.example/")]
    [InlineData("returnUrl", "https://evil.example/")]
    [InlineData("returnUrl", "javascript:alert(1)")]
    [InlineData("returnUrl", "/\\evil.example")]
    public async Task The_language_switch_ignores_a_bad_culture_or_return_address(string field, string value)
    {
        var client = Site.CreateBrowserlessClient();
        var form = PostForm.Read(await client.GetDocumentAsync("/Identity/Account/Login"), "/Identity/Account/Login").First(f => f.Path == "/Localization/SetLanguage");
        var values = form.Values().Where(v => v.Key != field && v.Key != "culture").Append(new(field, value)).ToList();
        if (field != "culture")
        {
            values.Add(new("culture", "da-DK"));
        }

        Site.Errors.Clear();
        var response = await client.PostAsync(form.Action, new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(field == "returnUrl" ? "/" : form.Values().First(v => v.Key == "returnUrl").Value, response.Headers.Location!.OriginalString);
        Assert.Empty(Site.Errors.Entries);
        var page = await client.GetDocumentAsync("/Identity/Account/Login");
        Assert.Equal("da", page.DocumentElement.GetAttribute("lang"));
    }

    private async Task RunBatteryAsync(HttpClient client, string pageUrl, PostForm form, string role, List<string> failures)
    {
        var battery = new FormBattery(Site.Ids, fixture.Other, role == DemoUsers.DepartmentHead);
        var current = form;
        var steps = new List<BatteryStep>();
        if (!form.IsDestructive)
        {
            // The form as shown (required fields filled): the baseline the bad values are measured against.
            steps.Add(new BatteryStep("as shown", f => new Submission("as shown", f.Action, battery.Filled(f), Expect.Any)));
        }

        // The other buttons of a many-button form get what must be refused; the last button gets everything.
        steps.AddRange(form.IsAlternate ? battery.Steps(form).Where(s => s.Build(form).Expect == Expect.Refuse) : battery.Steps(form));
        var snapshot = await DatabaseSnapshot.TakeAsync(Site.DatabasePath);
        foreach (var step in steps)
        {
            var submission = step.Build(current);
            var label = $"{role} {form.Path}{(form.Handler is null ? string.Empty : "?handler=" + form.Handler)} {submission.Description}";
            using var version = await DataVersion.OpenAsync(Site.DatabasePath);
            Site.Errors.Clear();
            using var content = form.IsMultipart ? Multipart(submission.Fields) : (HttpContent)new FormUrlEncodedContent(submission.Fields);
            var response = await client.PostAsync(submission.Action, content);
            var body = await response.Content.ReadAsStringAsync();
            var after = await version.ChangedAsync() ? await DatabaseSnapshot.TakeAsync(Site.DatabasePath) : snapshot;
            var changes = snapshot.Differences(after);
            var written = changes.Count == 0 ? [] : snapshot.WrittenCells(after).ToHashSet(StringComparer.Ordinal);
            snapshot = after;
            var before = failures.Count;
            CheckHandled(label, response, body, failures);
            if (failures.Count > before)
            {
                continue;
            }

            switch (response.StatusCode)
            {
                case HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther:
                    var next = await FollowAsync(client, label, response, failures);
                    if (changes.Count > 0)
                    {
                        if (form.IsDestructive || submission.Expect == Expect.Refuse)
                        {
                            failures.Add($"{label}: was accepted and changed {string.Join(", ", changes)}");
                        }
                        else if (submission.Expect == Expect.RefuseOrStoreExactly && !written.Contains(submission.Sent!.Trim()))
                        {
                            failures.Add($"{label}: was accepted but not stored as sent");
                        }
                        else if (submission.Expect == Expect.RefuseOrIgnore && submission.Sent!.Trim().Length > 1 && written.Contains(submission.Sent.Trim()))
                        {
                            failures.Add($"{label}: was accepted and stored");
                        }
                    }
                    else if (submission.Expect == Expect.Refuse && next is not null && !ShowsDanishAlert(next))
                    {
                        failures.Add($"{label}: was refused without saying why");
                    }

                    break;
                case HttpStatusCode.OK when IsHtmlResponse(response):
                    var page = Parser.ParseDocument(body);
                    if (changes.Count > 0)
                    {
                        failures.Add($"{label}: answered 200 but changed {string.Join(", ", changes)}");
                    }
                    else if (submission.Expect == Expect.Refuse || page.ErrorMessages().Count > 0)
                    {
                        CheckRefusal(label, page, failures);
                    }

                    break;
                case HttpStatusCode.OK:
                    if (changes.Count > 0 || submission.Expect == Expect.Refuse)
                    {
                        failures.Add($"{label}: answered with a {response.Content.Headers.ContentType} file");
                    }

                    break;
                case HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.RequestEntityTooLarge:
                    if (changes.Count > 0)
                    {
                        failures.Add($"{label}: answered {(int)response.StatusCode} but changed {string.Join(", ", changes)}");
                    }

                    CheckStatusPage(label, body, failures);
                    break;
                default:
                    failures.Add($"{label}: answered {(int)response.StatusCode}");
                    break;
            }

            if (changes.Count > 0)
            {
                // A save moved the form on (a new version, the stored values): the next step starts from the form as it is now.
                var reloaded = PostForm.Read(await client.GetDocumentAsync(pageUrl), pageUrl);
                current = reloaded.FirstOrDefault(f => f.Index == form.Index && f.Signature == form.Signature)
                    ?? reloaded.FirstOrDefault(f => f.Signature == form.Signature)
                    ?? current;
            }
        }
    }

    /// <summary>No 500, no error logged, no markup echoed unencoded.</summary>
    private void CheckHandled(string label, HttpResponseMessage response, string body, List<string> failures)
    {
        if (response.StatusCode == HttpStatusCode.InternalServerError)
        {
            failures.Add($"{label}: 500");
        }

        if (Site.Errors.Entries is { Count: > 0 } errors)
        {
            failures.Add($"{label}: logged {errors[0].Category}: {errors[0].Message} {errors[0].Exception?.GetType().Name}: {errors[0].Exception?.Message}");
        }

        if (IsHtmlResponse(response) && BadValues.ShowsRawMarkup(body))
        {
            failures.Add($"{label}: shows the markup unencoded");
        }
    }

    /// <summary>A refused post: its error summary says what is wrong, in Danish.</summary>
    private void CheckRefusal(string label, IHtmlDocument page, List<string> failures)
    {
        var messages = page.QuerySelectorAll("#error-summary li").Select(e => e.TextContent.Trim()).ToList();
        if (messages.Count == 0)
        {
            failures.Add($"{label}: was neither saved nor refused with a message");
        }

        foreach (var message in messages.Where(m => !Danish.IsDanish(m)))
        {
            failures.Add($"{label}: says \"{Shorten(message)}\", which is not one of the site's Danish texts");
        }
    }

    /// <summary>A status page (400, 403, 404 …) that says what happened in Danish, not an empty answer.</summary>
    private void CheckStatusPage(string label, string body, List<string> failures)
    {
        var page = Parser.ParseDocument(body);
        var heading = page.QuerySelector("h1")?.TextContent.Trim();
        if (heading is null || !Danish.IsDanish(heading) || page.DocumentElement.GetAttribute("lang") != "da")
        {
            failures.Add($"{label}: the status page has no Danish heading ({(heading is null ? "empty" : Shorten(heading))})");
        }
    }

    private bool IsDanishPage(IHtmlDocument page) =>
        page.DocumentElement.GetAttribute("lang") == "da" && page.QuerySelector("h1") is { } heading && heading.TextContent.Trim().Length > 0;

    private bool ShowsDanishAlert(IHtmlDocument page) =>
        page.QuerySelectorAll("main .alert .alert-text, #error-summary li").Select(e => e.TextContent.Trim()).Any(t => t.Length > 0 && Danish.IsDanish(t));

    /// <summary>Where a redirect leads must be a Danish page that shows no markup unencoded.</summary>
    private async Task<IHtmlDocument?> FollowAsync(HttpClient client, string label, HttpResponseMessage response, List<string> failures)
    {
        var location = response.Headers.Location;
        if (location is null || location.IsAbsoluteUri)
        {
            failures.Add($"{label}: redirected to {location}");
            return null;
        }

        var next = await client.GetAsync(location);
        var body = await next.Content.ReadAsStringAsync();
        if (next.StatusCode != HttpStatusCode.OK || BadValues.ShowsRawMarkup(body) || Site.Errors.Entries.Count > 0)
        {
            failures.Add($"{label}: the page it led to ({location}) answered {(int)next.StatusCode}{(BadValues.ShowsRawMarkup(body) ? " showing markup unencoded" : string.Empty)}");
            return null;
        }

        return Parser.ParseDocument(body);
    }

    private async Task<IReadOnlyList<string>> BadUrlsAsync(HttpClient client, string url)
    {
        var urls = new List<string>();
        var parts = url.Split('?', 2);
        var segments = parts[0].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (int.TryParse(segments[i], out _) || segments[i] == Site.Ids.StaffUser)
            {
                foreach (var bad in BadValues.MissingIds)
                {
                    var changed = (string[])segments.Clone();
                    changed[i] = Uri.EscapeDataString(bad);
                    urls.Add(string.Join('/', changed) + (parts.Length > 1 ? "?" + parts[1] : string.Empty));
                }
            }
        }

        // The names the page itself uses in its address, its filter forms and its links back to itself.
        var names = new List<string>(parts.Length > 1 ? parts[1].Split('&').Select(p => p.Split('=')[0]) : []);
        var response = await client.GetAsync(url);
        if (IsHtmlResponse(response))
        {
            var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            names.AddRange(page.QuerySelectorAll("main form")
                .Where(f => !string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                .SelectMany(f => f.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")!)));
            if (page.QuerySelector("main table") is not null)
            {
                // A list pages even when this one has too few rows to show the links.
                names.Add("pageNumber");
            }

            names.AddRange(page.QuerySelectorAll("main a[href]")
                .Select(a => a.GetAttribute("href")!)
                .Where(href => href.Split('?')[0].Equals(parts[0], StringComparison.OrdinalIgnoreCase) && href.Contains('?', StringComparison.Ordinal))
                .SelectMany(href => href.Split('?', 2)[1].Split('#')[0].Split('&').Select(p => Uri.UnescapeDataString(p.Split('=')[0]))));
        }

        foreach (var name in names.Where(n => n.Length > 0 && n != "__RequestVerificationToken").Distinct(StringComparer.OrdinalIgnoreCase))
        {
            foreach (var bad in QueryValues)
            {
                var query = (parts.Length > 1 ? parts[1].Split('&') : [])
                    .Where(p => !p.Split('=')[0].Equals(name, StringComparison.OrdinalIgnoreCase))
                    .Append($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(bad)}");
                urls.Add(parts[0] + "?" + string.Join('&', query));
            }
        }

        return urls;
    }

    private static readonly string[] QueryValues =
        ["", "-1", "abc", "999999", "2147483647", "2147483648", "notadate", "0001-01-01", "9999-12-31", BadValues.Script];

    private async Task<HttpClient> ClientAsync(string role) => await Site.ClientFor(role == Anonymous ? null : role);

    /// <summary>The owners' pages are run as the department head on a milestone and an indicator of their own.</summary>
    private static string ForRole(string template, string allowed) => allowed == SitePages.Owners
        ? template.Replace("{milestone}", "{ownMilestone}", StringComparison.Ordinal).Replace("{indicator}", "{ownIndicator}", StringComparison.Ordinal)
        : template;

    private string Resolve(string template) => SitePages.Resolve(template, Site.Ids)
        .Replace("{ownMilestone}", fixture.Other.OwnMilestone.ToString(), StringComparison.Ordinal)
        .Replace("{ownTask}", fixture.Other.OwnTask.ToString(), StringComparison.Ordinal)
        .Replace("{ownIndicator}", fixture.Other.OwnIndicator.ToString(), StringComparison.Ordinal)
        .Replace("{demoMeeting}", fixture.Other.DemoMeeting.ToString(), StringComparison.Ordinal);

    private static bool IsHtml(string template) =>
        template != "/hangfire" && !template.Contains("handler=", StringComparison.Ordinal);

    private static bool IsHtmlResponse(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "text/html";

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}

/// <summary>SQLite's data_version on a connection of our own: it moves when any other connection commits, so "nothing changed" costs one pragma.</summary>
public sealed class DataVersion : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly long start;

    private DataVersion(SqliteConnection connection, long start)
    {
        this.connection = connection;
        this.start = start;
    }

    public static async Task<DataVersion> OpenAsync(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return new DataVersion(connection, await ReadAsync(connection));
    }

    public async Task<bool> ChangedAsync() => await ReadAsync(connection) != start;

    public void Dispose() => connection.Dispose();

    private static async Task<long> ReadAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
