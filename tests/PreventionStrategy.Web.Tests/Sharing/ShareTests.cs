using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Sharing;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Sharing;

/// <summary>
/// The read-only share link, as a role of its own: what its holder may open (read-only, noindex, no
/// names unless allowed), everything else 404, expiry and revocation, and every use in the audit trail.
/// </summary>
public sealed class ShareTests(DemoSite site) : IClassFixture<DemoSite>
{
    /// <summary>The pages a share shows, after "/Share/{token}".</summary>
    private static readonly string[] SharedPages = ["", "/Timeline", "/Indicators", "/Indicators/{indicator}"];

    [Fact]
    public async Task An_administrator_makes_a_link_that_is_shown_once_and_only_its_hash_is_stored()
    {
        var (token, link) = await CreateAsync("PPR", showNames: false);
        Assert.Matches("^http://localhost/Share/[A-Za-z0-9_-]{43}$", link);

        var admin = await site.ClientFor(DemoUsers.Administrator);
        var again = await admin.GetDocumentAsync($"/Sharing/Manage?strategyId={site.Ids.Strategy}");
        Assert.DoesNotContain(token, again.Body!.InnerHtml);
        Assert.Contains("PPR", again.QuerySelector("main table")!.TextContent);

        await using var db = site.CreateDbContext();
        var share = await db.StrategyShares.SingleAsync(s => s.Label == "PPR");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), share.TokenHash);
        Assert.Equal(32, Base64UrlBytes(token));
        Assert.False(await db.AuditEntries.AnyAsync(a => (a.Changes ?? "").Contains(token) || (a.Label ?? "").Contains(token)));
    }

    [Fact]
    public async Task Every_shared_page_answers_the_link_read_only_and_noindex_without_names_of_persons()
    {
        var (token, _) = await CreateAsync("Skoler", showNames: false);
        var visitor = site.CreateBrowserlessClient();
        var ownerName = await OwnerNameAsync();
        foreach (var page in SharedPages)
        {
            var url = $"/Share/{token}{Resolve(page)}";
            var response = await visitor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
            Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            var document = await response.ParseAsync();
            Assert.Equal("noindex, nofollow", document.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
            AssertReadOnly(document, url);
            Assert.DoesNotContain(ownerName, document.Body!.TextContent);
        }

        // The briefings name owners: not offered without names.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Share/{token}/Briefings")).StatusCode);
    }

    [Fact]
    public async Task The_shared_overview_leads_with_the_dashboards_verdict_and_counts()
    {
        var (token, _) = await CreateAsync("Verdict", showNames: false);
        var shared = await site.CreateBrowserlessClient().GetDocumentAsync($"/Share/{token}");
        var dashboard = await (await site.ClientFor(DemoUsers.DepartmentHead)).GetDocumentAsync($"/Plans/Dashboard/{site.Ids.Strategy}");

        Assert.Equal(dashboard.QuerySelector("#overall")!.TextContent.Trim(), shared.QuerySelector("#overall")!.TextContent.Trim());
        Assert.Equal(
            dashboard.QuerySelectorAll("section.verdict li").Select(li => li.TextContent.Trim()),
            shared.QuerySelectorAll("section.verdict li").Select(li => li.TextContent.Trim()));

        // The verdict comes before the purpose, as on the dashboard.
        Assert.NotNull(shared.QuerySelector("h1 + p.font-lead + section.verdict"));
    }

    [Fact]
    public async Task The_shared_timeline_draws_every_milestone_of_the_strategy_as_the_timeline_page_does_but_links_nowhere()
    {
        var (token, _) = await CreateAsync("Tidslinje", showNames: false);
        var shared = await site.CreateBrowserlessClient().GetDocumentAsync($"/Share/{token}/Timeline");
        var svg = shared.QuerySelector("svg#timeline")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Empty(svg.QuerySelectorAll("a"));

        await using var db = site.CreateDbContext();
        var ids = await db.Milestones.Where(m => m.StrategyId == site.Ids.Strategy).Select(m => m.Id.ToString()).ToListAsync();
        Assert.Equal(ids.Order(), svg.QuerySelectorAll(".timeline-item").Select(g => g.GetAttribute("data-milestone-id")!).Distinct().Order());

        // The same marks as the timeline page: overdue items carry the mark there and here.
        var page = await (await site.ClientFor(DemoUsers.DepartmentHead)).GetDocumentAsync($"/Timeline?strategyId={site.Ids.Strategy}&zoom=Year");
        Assert.Equal(
            page.QuerySelectorAll("svg#timeline .timeline-item[data-overdue]").Select(g => g.GetAttribute("data-milestone-id")).Distinct().Order(),
            svg.QuerySelectorAll(".timeline-item[data-overdue]").Select(g => g.GetAttribute("data-milestone-id")).Distinct().Order());
    }

    [Fact]
    public async Task With_names_allowed_owners_are_named_and_the_briefing_archive_is_read_and_downloaded()
    {
        var (token, _) = await CreateAsync("Udvalget", showNames: true);
        int briefingId;
        await using (var db = site.CreateDbContext())
        {
            var bytes = "%PDF-1.7 test"u8.ToArray();
            var briefing = new CommitteeBriefing
            {
                StrategyId = site.Ids.Strategy, Version = 90, Title = "Statusorientering til deling", FileName = "deling-v90.pdf",
                Content = bytes, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), PageCount = 1, IssuedAtUtc = DateTime.UtcNow, IssuedByName = "Test",
            };
            db.CommitteeBriefings.Add(briefing);
            await db.SaveChangesAsync();
            briefingId = briefing.Id;
        }

        var visitor = site.CreateBrowserlessClient();
        var overview = await visitor.GetDocumentAsync($"/Share/{token}");
        Assert.Contains(await OwnerNameAsync(), overview.Body!.TextContent);
        var archive = await visitor.GetDocumentAsync($"/Share/{token}/Briefings");
        AssertReadOnly(archive, "briefings");
        var link = archive.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains($"id={briefingId}", StringComparison.Ordinal));
        var download = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("%PDF-1.7 test", await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_other_page_of_the_site_is_404_under_the_link_and_the_site_itself_still_asks_for_a_login()
    {
        var (token, _) = await CreateAsync("Alle sider", showNames: true);
        var visitor = site.CreateBrowserlessClient();
        // The share as a role of the access matrix: the pages whose path is a shared page ("/" the overview,
        // "/Timeline", "/Indicators", "/Briefings") answer as the shared page; every other page of the matrix is 404.
        string[] shared = ["/", "/Timeline", "/Indicators", "/Briefings"];
        foreach (var (template, _) in SitePages.All)
        {
            var url = $"/Share/{token}{SitePages.Resolve(template, site.Ids)}";
            var expected = shared.Contains(template.Split('?')[0]) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            var response = await visitor.GetAsync(url);
            Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        }

        foreach (var (template, allowed) in SitePages.All.Where(p => p.Allowed != SitePages.Anonymous))
        {
            var response = await visitor.GetAsync(SitePages.Resolve(template, site.Ids));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Posting to a shared page changes nothing: there is nothing to post to.
        var post = await visitor.PostAsync($"/Share/{token}", new FormUrlEncodedContent([]));
        Assert.True(post.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST gave {(int)post.StatusCode}");

        // An indicator of another strategy, a briefing of another strategy, a made-up token: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Share/{token}/Indicators/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Share/{token}/Briefings?handler=Download&id=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Share/{token[..^2]}AA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/Share/abc")).StatusCode);
    }

    [Fact]
    public async Task An_expired_or_revoked_link_is_404()
    {
        var (expiring, _) = await CreateAsync("Udløber", showNames: false, expiresInDays: 1);
        var visitor = site.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/Share/{expiring}")).StatusCode);
        site.Clock.Offset = TimeSpan.FromDays(3);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Share/{expiring}")).StatusCode);
        }
        finally
        {
            site.Clock.Offset = TimeSpan.Zero;
        }

        var (revoked, _) = await CreateAsync("Trækkes tilbage", showNames: false);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/Share/{revoked}/Timeline")).StatusCode);
        int id;
        await using (var db = site.CreateDbContext())
        {
            id = await db.StrategyShares.Where(s => s.Label == "Trækkes tilbage").Select(s => s.Id).SingleAsync();
        }

        var admin = await site.ClientFor(DemoUsers.Administrator);
        var manage = await admin.GetDocumentAsync($"/Sharing/Manage?strategyId={site.Ids.Strategy}");
        var response = await admin.SubmitFormAsync(manage, $"/Sharing/Manage?strategyId={site.Ids.Strategy}", new Dictionary<string, string>(), $"main form[action*='id={id}']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Share/{revoked}/Timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Share/{revoked}")).StatusCode);
    }

    [Fact]
    public async Task Every_use_is_in_the_audit_trail_with_the_client_address_and_without_the_token_and_moves_no_page_cache()
    {
        var (token, _) = await CreateAsync("Revision", showNames: false);
        int id;
        long versionBefore;
        await using (var db = site.CreateDbContext())
        {
            id = await db.StrategyShares.Where(s => s.Label == "Revision").Select(s => s.Id).SingleAsync();
            versionBefore = await db.ContentVersions.Select(v => v.Value).SingleAsync();
        }

        var visitor = site.CreateBrowserlessClient();
        visitor.DefaultRequestHeaders.Add(TestClientAddress.Header, "192.0.2.44");
        await visitor.GetAsync($"/Share/{token}");
        await visitor.GetAsync($"/Share/{token}/Timeline");
        await visitor.GetAsync($"/Share/{token}/Indicators");

        await using (var db = site.CreateDbContext())
        {
            var uses = await db.AuditEntries.Where(a => a.Action == AuditAction.ShareUsed && a.EntityId == $"share-{id}").OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(3, uses.Count);
            Assert.All(uses, u => Assert.Equal("192.0.2.44", u.IpAddress));
            Assert.All(uses, u => Assert.DoesNotContain(token, u.Changes ?? ""));
            Assert.Contains("/Timeline", uses[1].Changes);
            Assert.Equal(versionBefore, await db.ContentVersions.Select(v => v.Value).SingleAsync());
        }

        var admin = await site.ClientFor(DemoUsers.Administrator);
        var manage = await admin.GetDocumentAsync($"/Sharing/Manage?strategyId={site.Ids.Strategy}");
        var row = manage.QuerySelectorAll("main table tbody tr").Single(tr => tr.QuerySelector("td")!.TextContent == "Revision");
        Assert.Equal("3", row.QuerySelectorAll("td")[5].TextContent);
    }

    [Theory]
    [InlineData("", "2030-01-01", "Modtager")]
    [InlineData("PPR", "", "Udløber")]
    [InlineData("PPR", "2001-01-01", "Udløbsdatoen")]
    [InlineData("PPR", "2999-01-01", "Udløbsdatoen")]
    public async Task A_bad_form_is_refused_in_Danish_and_makes_no_link(string label, string expires, string expected)
    {
        await using var db = site.CreateDbContext();
        var before = await db.StrategyShares.CountAsync();
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var response = await admin.SubmitAsync($"/Sharing/Manage?strategyId={site.Ids.Strategy}", new Dictionary<string, string>
        {
            ["Input.Label"] = label,
            ["Input.ExpiresOn"] = expires,
        }, "main form:not([action*='handler'])");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseAsync()).ErrorMessages(), m => m.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(before, await db.StrategyShares.CountAsync());
    }

    private static void AssertReadOnly(IHtmlDocument document, string url)
    {
        Assert.True(document.QuerySelectorAll("form, input, select, textarea, button").Length == 0, $"{url} has a form or control");
        var links = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(
            links.All(h => h.StartsWith("/Share/", StringComparison.Ordinal) || h.StartsWith('#') || h == "/Accessibility"),
            $"{url} links outside the share: {string.Join(", ", links.Where(h => !h.StartsWith("/Share/", StringComparison.Ordinal) && !h.StartsWith('#')))}");
    }

    private string Resolve(string page) => page.Replace("{indicator}", site.Ids.Indicator.ToString(), StringComparison.Ordinal);

    private async Task<string> OwnerNameAsync()
    {
        await using var db = site.CreateDbContext();
        return await db.Milestones.Where(m => m.StrategyId == site.Ids.Strategy && m.Owner != null).Select(m => m.Owner!.FullName).FirstAsync();
    }

    private static int Base64UrlBytes(string token) => System.Buffers.Text.Base64Url.DecodeFromChars(token).Length;

    /// <summary>Through the administrator's form, as an administrator would; returns the token and the link shown once.</summary>
    private async Task<(string Token, string Link)> CreateAsync(string label, bool showNames, int expiresInDays = 30)
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var url = $"/Sharing/Manage?strategyId={site.Ids.Strategy}";
        var values = new Dictionary<string, string>
        {
            ["Input.Label"] = label,
            ["Input.ExpiresOn"] = Milestones.MilestoneTestData.DanishToday.AddDays(expiresInDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (showNames)
        {
            values["Input.ShowNames"] = "true";
        }

        var response = await admin.SubmitAsync(url, values, "main form:not([action*='handler'])");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var link = page.QuerySelector("code.share-link")!.TextContent;
        return (link[(link.LastIndexOf('/') + 1)..], link);
    }
}
