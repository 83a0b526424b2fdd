using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Calendars;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.PageCache;

/// <summary>
/// The page cache keeps the most read pages per person, but never past a change: every write moves
/// the content version in the database, which each request reads before anything else. Two sites on
/// one database file stand for two servers behind a load balancer.
/// </summary>
public sealed class PageFreshnessTests : TwoServersOnOneDatabase
{
    [Fact]
    public async Task A_title_changed_on_one_server_shows_on_the_next_request_of_every_cached_page_on_the_other()
    {
        var (strategy, milestone, focusArea) = await ThemeDayAsync();
        var reader = await Second.SignedInClientAsync(DemoUsers.DepartmentHead);
        var feed = await reader.NewFeedPathAsync();
        string[] pages =
        [
            $"/Plans/Dashboard/{strategy}",
            $"/Milestones?strategyId={strategy}",
            $"/Milestones/Details/{milestone}",
            $"/FocusAreas/Details/{focusArea}",
            $"/Timeline?strategyId={strategy}",
            $"/Timeline?strategyId={strategy}&zoom=Year",
            $"/Calendar?strategyId={strategy}&year=2024&month=12",
            "/Milestones/Mine",
        ];
        foreach (var page in pages)
        {
            // Twice: the second answer comes from the cache.
            await BodyAsync(reader, page);
            Assert.Contains(ThemeDay, await BodyAsync(reader, page));
        }

        var editor = await First.SignedInClientAsync(DemoUsers.Administrator);
        var saved = await editor.SubmitAsync($"/Milestones/Edit/{milestone}", new Dictionary<string, string> { ["Input.Title"] = "Temadag om strategiens forankring, flyttet" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var page in pages)
        {
            var body = await BodyAsync(reader, page);
            Assert.True(body.Contains("Temadag om strategiens forankring, flyttet", StringComparison.Ordinal), $"{page} still shows the old title");
            Assert.DoesNotContain(ThemeDay, body);
        }

        Assert.Contains((await Second.FeedAsync(feed)).Events, e => e.Summary == "Temadag om strategiens forankring, flyttet");
    }

    [Fact]
    public async Task A_status_change_made_outside_the_site_is_seen_on_the_next_request()
    {
        var (_, milestone, _) = await ThemeDayAsync();
        var reader = await Second.SignedInClientAsync(DemoUsers.DepartmentHead);
        await BodyAsync(reader, $"/Milestones/Details/{milestone}");
        Assert.DoesNotContain("Aflyst", await BodyAsync(reader, $"/Milestones/Details/{milestone}"));

        // A fix made with the sqlite3 shell goes through no part of the site; the triggers still see it.
        await using (var db = First.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Milestones\" SET \"Status\" = 'Cancelled' WHERE \"Id\" = {0}", milestone);
        }

        Assert.Contains("Aflyst", await BodyAsync(reader, $"/Milestones/Details/{milestone}"));
    }

    [Fact]
    public async Task A_signed_out_session_is_refused_at_once_on_the_other_server_although_its_pages_were_cached()
    {
        var (strategy, _, _) = await ThemeDayAsync();
        var browser = await Second.SignedInClientAsync(DemoUsers.DepartmentHead);
        var dashboard = $"/Plans/Dashboard/{strategy}";
        await BodyAsync(browser, dashboard);
        await BodyAsync(browser, dashboard);

        // The administrator ends every session of the department head (what "Log brugeren ud overalt" does: a new security stamp).
        await using (var db = First.CreateDbContext())
        {
            await db.Users.Where(u => u.Email == DemoUsers.DepartmentHead)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString()));
        }

        var response = await browser.GetAsync(dashboard);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task One_person_never_gets_a_page_kept_for_another()
    {
        var (_, milestone, _) = await ThemeDayAsync();
        var head = await Second.SignedInClientAsync(DemoUsers.DepartmentHead);
        var staff = await Second.SignedInClientAsync(DemoUsers.Staff);
        var url = $"/Milestones/Details/{milestone}";
        await BodyAsync(head, url);
        var headPage = await BodyAsync(head, url);
        var staffPage = await BodyAsync(staff, url);

        Assert.Contains($"({DemoUsers.DepartmentHead})</span></strong>", headPage);
        Assert.Contains($"({DemoUsers.Staff})</span></strong>", staffPage);
        Assert.DoesNotContain($"({DemoUsers.DepartmentHead})</span></strong>", staffPage);
        Assert.Contains($"href=\"/Milestones/UpdateStatus/{milestone}\"", headPage);
        Assert.DoesNotContain($"href=\"/Milestones/UpdateStatus/{milestone}\"", staffPage);
    }

    [Fact]
    public async Task A_page_is_sent_compressed_to_a_browser_that_asks_and_plain_to_one_that_does_not()
    {
        var (strategy, _, _) = await ThemeDayAsync();
        var client = await Second.SignedInClientAsync(DemoUsers.DepartmentHead);
        var url = $"/Plans/Dashboard/{strategy}";
        var plain = await client.GetAsync(url);
        using var compressed = new HttpRequestMessage(HttpMethod.Get, url);
        compressed.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var brotli = await client.SendAsync(compressed);
        var plainAgain = await client.GetAsync(url);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Empty(plainAgain.Content.Headers.ContentEncoding);
        Assert.Contains(ThemeDay, await plainAgain.Content.ReadAsStringAsync());
        Assert.True((await brotli.Content.ReadAsByteArrayAsync()).Length * 3 < (await plain.Content.ReadAsByteArrayAsync()).Length);
    }
}
