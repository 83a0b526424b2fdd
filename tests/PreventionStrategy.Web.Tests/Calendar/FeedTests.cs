using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using PreventionStrategy.Web.Tests.Reminders;

namespace PreventionStrategy.Web.Tests.Calendars;

/// <summary>The iCalendar feeds, read back as a calendar app reads them: anonymously, by the token in the address.</summary>
public sealed class FeedTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly DateOnly Day = new(2027, 5, 12);

    [Fact]
    public async Task A_users_feed_holds_exactly_the_dated_milestones_they_own_or_are_invited_to_in_person_or_through_their_unit()
    {
        var id = MilestoneTestData.Unique();
        var parentUnit = await site.CreateUnitAsync($"Børn og Familie {id}");
        var unit = await site.CreateUnitAsync($"Familierådgivningen {id}");
        await using (var db = site.CreateDbContext())
        {
            (await db.Stakeholders.SingleAsync(s => s.Id == unit)).UnitId = parentUnit;
            await db.SaveChangesAsync();
        }

        var email = $"raadgiver-{id}@norddjurs.test";
        var userId = await site.CreateUserAsync(email, "Rådgiver Åse", Roles.Staff, unit);
        var asPerson = await site.CreatePersonAsync("Rådgiver Åse (som person)", email);
        var otherUnit = await site.CreateUnitAsync($"Skoleområdet {id}");

        int[] expected =
        [
            await site.CreateEventAsync($"Temadag for enheden {id}", Day, [(unit, StakeholderRole.Participant)], new TimeOnly(9, 0), new TimeOnly(15, 30)),
            await site.CreateEventAsync($"Temadag for hele området {id}", Day.AddDays(1), [(parentUnit, StakeholderRole.Organiser)]),
            await site.CreateEventAsync($"Oplæg {id}", Day.AddDays(2), [(asPerson, StakeholderRole.Speaker)]),
            await site.CreateEventAsync($"Eget arrangement {id}", Day.AddDays(3), [], ownerId: userId),
        ];
        var cancelled = await site.CreateEventAsync($"Aflyst temadag {id}", Day.AddDays(4), [(unit, StakeholderRole.Participant)]);
        await using (var db = site.CreateDbContext())
        {
            (await db.Milestones.SingleAsync(m => m.Id == cancelled)).Status = MilestoneStatus.Cancelled;
            await db.SaveChangesAsync();
        }

        // Not theirs: another unit's event, one they are only informed of, and one with no day yet (left out by design).
        await site.CreateEventAsync($"Skolernes temadag {id}", Day, [(otherUnit, StakeholderRole.Participant)]);
        await site.CreateEventAsync($"Orientering {id}", Day, [(unit, StakeholderRole.Informed)]);
        await site.CreateMilestoneAsync($"Kvartalets leverance {id}", userId, PlannedTiming.InQuarter(2027, 2));

        var client = await site.SignedInClientAsync(email);
        var calendar = await site.FeedAsync(await client.NewFeedPathAsync());

        Assert.Equal(
            expected.Append(cancelled).Select(m => $"milestone-{m}@localhost").Order(),
            calendar.Events.Select(e => e.Uid).Order());
        Assert.Equal("Mine milepæle (Rådgiver Åse)", calendar.Properties["X-WR-CALNAME"]!.Value);
        Assert.Equal("PT1H", calendar.Properties["X-PUBLISHED-TTL"]!.Value);
        Assert.Equal("CANCELLED", calendar.EventFor(cancelled).Status);
        Assert.Equal("CONFIRMED", calendar.EventFor(expected[0]).Status);

        var timed = calendar.EventFor(expected[0]);
        Assert.Equal("Europe/Copenhagen", timed.DtStart!.TzId);
        Assert.Equal(Day.ToDateTime(new TimeOnly(9, 0)), timed.DtStart.Value);
        Assert.Equal(Day.ToDateTime(new TimeOnly(15, 30)), timed.DtEnd!.Value);
        var allDay = calendar.EventFor(expected[1]);
        Assert.False(allDay.DtStart!.HasTime);
        Assert.Equal(Day.AddDays(1), DateOnly.FromDateTime(allDay.DtStart.Value));
        Assert.Contains("Status: Planlagt", allDay.Description);
    }

    [Fact]
    public async Task The_strategy_feed_holds_every_dated_milestone_of_the_strategy_and_nothing_else()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var calendar = await site.FeedAsync(await admin.NewStrategyFeedPathAsync(site.Ids.Strategy));

        await using var db = site.CreateDbContext();
        var dated = await db.Milestones.Where(m => m.StrategyId == site.Ids.Strategy && m.Timing.Precision == TimingPrecision.Day).Select(m => m.Id).ToListAsync();
        Assert.Contains(await db.Milestones.Where(m => m.Title == "Temadag om forankring af strategien").Select(m => m.Id).SingleAsync(), dated);
        Assert.Equal(dated.Select(m => $"milestone-{m}@localhost").Order(), calendar.Events.Select(e => e.Uid).Order());
        var themeDay = calendar.Events.Single(e => e.Summary == "Temadag om forankring af strategien");
        Assert.Equal(new DateTime(2024, 12, 13), themeDay.DtStart!.Value);
        Assert.EndsWith("– milepæle", (string)calendar.Properties["X-WR-CALNAME"]!.Value!);
    }

    [Fact]
    public async Task A_revoked_address_gives_404_and_a_new_one_works_until_it_is_replaced()
    {
        var client = await NewStaffClientAsync();
        var first = await client.NewFeedPathAsync();
        Assert.Equal(HttpStatusCode.OK, await site.FeedStatusAsync(first));

        await client.RevokeFeedAsync();
        Assert.Equal(HttpStatusCode.NotFound, await site.FeedStatusAsync(first));

        var second = await client.NewFeedPathAsync();
        Assert.Equal(HttpStatusCode.OK, await site.FeedStatusAsync(second));

        var third = await client.NewFeedPathAsync();
        Assert.Equal(HttpStatusCode.NotFound, await site.FeedStatusAsync(second));
        Assert.Equal(HttpStatusCode.OK, await site.FeedStatusAsync(third));
        Assert.NotEqual(second, third);
    }

    [Fact]
    public async Task Regenerating_a_strategy_address_stops_the_old_one()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var old = await admin.NewStrategyFeedPathAsync(site.Ids.Strategy);
        var replacement = await admin.NewStrategyFeedPathAsync(site.Ids.Strategy);

        Assert.Equal(HttpStatusCode.NotFound, await site.FeedStatusAsync(old));
        Assert.Equal(HttpStatusCode.OK, await site.FeedStatusAsync(replacement));
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored_and_unknown_tokens_give_404()
    {
        var client = await NewStaffClientAsync();
        var path = await client.NewFeedPathAsync();
        var token = path["/Calendar/Feed/".Length..^".ics".Length];
        Assert.True(token.Length >= 43, "the token carries at least 32 random bytes");

        await using var db = site.CreateDbContext();
        Assert.False(await db.CalendarFeedTokens.AnyAsync(t => t.TokenHash == token));
        Assert.True(await db.CalendarFeedTokens.AnyAsync(t => t.TokenHash == Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))));

        Assert.Equal(HttpStatusCode.NotFound, await site.FeedStatusAsync($"/Calendar/Feed/{new string('A', token.Length)}.ics"));
        Assert.Equal(HttpStatusCode.NotFound, await site.FeedStatusAsync($"/Calendar/Strategy/{token}.ics"));
    }

    [Fact]
    public async Task Moving_a_milestone_moves_its_feed_entry_and_raises_its_sequence()
    {
        var id = MilestoneTestData.Unique();
        var email = $"ejer-{id}@norddjurs.test";
        var ownerId = await site.CreateUserAsync(email, "Ejer Ærø", Roles.DepartmentHead, null);
        var milestoneId = await site.CreateEventAsync($"Temamøde {id}", Day, [], new TimeOnly(13, 0), new TimeOnly(15, 0), ownerId: ownerId);
        var path = await (await site.SignedInClientAsync(email)).NewFeedPathAsync();

        using var calendarApp = site.CreateBrowserlessClient();
        var before = await calendarApp.GetAsync(path);
        var etag = before.Headers.ETag!;
        var entry = Ical.Net.Calendar.Load(await before.Content.ReadAsStringAsync())!.EventFor(milestoneId);
        Assert.Equal(Day.ToDateTime(new TimeOnly(13, 0)), entry.DtStart!.Value);
        Assert.Equal(0, entry.Sequence);
        Assert.Equal(HttpStatusCode.NotModified, (await GetWithETagAsync(calendarApp, path, etag)).StatusCode);

        var admin = await site.ClientFor(DemoUsers.Administrator);
        var moved = await admin.SubmitAsync($"/Milestones/Edit/{milestoneId}", new Dictionary<string, string> { ["Input.Timing.Date"] = "2027-06-02" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var after = await GetWithETagAsync(calendarApp, path, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var movedEntry = Ical.Net.Calendar.Load(await after.Content.ReadAsStringAsync())!.EventFor(milestoneId);
        Assert.Equal(new DateTime(2027, 6, 2, 13, 0, 0), movedEntry.DtStart!.Value);
        Assert.Equal(1, movedEntry.Sequence);
        Assert.Equal(entry.Uid, movedEntry.Uid);
    }

    private async Task<HttpClient> NewStaffClientAsync()
    {
        var email = $"medarbejder-{MilestoneTestData.Unique()}@norddjurs.test";
        await site.CreateUserAsync(email, "Medarbejder", Roles.Staff, null);
        return await site.SignedInClientAsync(email);
    }

    private static Task<HttpResponseMessage> GetWithETagAsync(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }
}
