using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>
/// The front page as each role sees it in a real browser (issue 20): the planted items that need that person,
/// and nothing planted for someone else. Each test plants its own items with titles no other test uses.
/// </summary>
public sealed class FrontPageTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private readonly Screenshots screenshots = new(output, "FrontPage");

    private static DateOnly Today => MilestoneTestData.DanishToday;

    [Fact]
    public async Task Department_head_sees_own_milestones_that_need_them_with_the_reason_and_the_quick_update_but_not_others()
    {
        var site = browser.Site;
        var mine = $"Lederens forsinkede indsats {MilestoneTestData.Unique()}";
        var requested = $"Lederens milepæl før udvalget {MilestoneTestData.Unique()}";
        var others = $"Administratorens forsinkede indsats {MilestoneTestData.Unique()}";
        var fine = $"Lederens milepæl i god gænge {MilestoneTestData.Unique()}";
        var leader = await site.UserIdAsync(DemoUsers.DepartmentHead);
        await site.CreateMilestoneAsync(mine, leader, PlannedTiming.OnDay(Today.AddDays(-3)), MilestoneStatus.InProgress, lastStatusUpdateAtUtc: DateTime.UtcNow.AddDays(-1));
        await site.CreateMilestoneAsync(requested, leader, PlannedTiming.OnDay(Today.AddDays(40)), MilestoneStatus.InProgress, lastStatusUpdateAtUtc: DateTime.UtcNow.AddDays(-2));
        await site.CreateMilestoneAsync(fine, leader, PlannedTiming.OnDay(Today.AddDays(40)), MilestoneStatus.InProgress, lastStatusUpdateAtUtc: DateTime.UtcNow.AddDays(-2));
        await site.CreateMilestoneAsync(others, await site.UserIdAsync(DemoUsers.Administrator), PlannedTiming.OnDay(Today.AddDays(-3)), MilestoneStatus.InProgress);
        await PlantUpdateRequestAsync(site, leader, fineAfter: fine);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.DepartmentHead);
        await page.GotoAsync("/");

        var block = page.Locator("section[aria-labelledby=needs-me]");
        await Assertions.Expect(RowOf(block, mine).Locator("td").First).ToHaveTextAsync("Overskredet");
        await Assertions.Expect(RowOf(block, requested).Locator("td").First).ToHaveTextAsync("Opdatering ønsket før udvalgsmøde");
        await Assertions.Expect(RowOf(block, mine).Locator("details.quick-update summary")).ToBeVisibleAsync();
        await Assertions.Expect(RowOf(block, others)).ToHaveCountAsync(0);
        await Assertions.Expect(RowOf(block, fine)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section[aria-labelledby=my-events]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section[aria-labelledby=health]")).ToHaveCountAsync(0);
        await screenshots.TakeAsync(page, "department-head");
    }

    [Fact]
    public async Task Staff_see_the_events_they_take_part_in_and_how_to_get_them_into_their_calendar()
    {
        var site = browser.Site;
        var invited = $"Temadag for medarbejderen {MilestoneTestData.Unique()}";
        var notInvited = $"Temadag for andre {MilestoneTestData.Unique()}";
        var tooLate = $"Temadag om et halvt år {MilestoneTestData.Unique()}";
        var invitedId = await site.CreateMilestoneAsync(invited, null, PlannedTiming.OnDay(Today.AddDays(10)), kind: MilestoneKind.ThemeDay);
        await site.CreateMilestoneAsync(notInvited, null, PlannedTiming.OnDay(Today.AddDays(11)), kind: MilestoneKind.ThemeDay);
        var tooLateId = await site.CreateMilestoneAsync(tooLate, null, PlannedTiming.OnDay(Today.AddDays(180)), kind: MilestoneKind.ThemeDay);
        await InviteAsync(site, DemoUsers.Staff, invitedId, tooLateId);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Staff);
        await page.GotoAsync("/");

        var block = page.Locator("section[aria-labelledby=my-events]");
        await Assertions.Expect(block.GetByRole(AriaRole.Link, new() { Name = invited, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(block.GetByRole(AriaRole.Link, new() { Name = notInvited })).ToHaveCountAsync(0);
        await Assertions.Expect(block.GetByRole(AriaRole.Link, new() { Name = tooLate })).ToHaveCountAsync(0);
        await Assertions.Expect(block.GetByRole(AriaRole.Link, new() { Name = "Kalenderabonnementer", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=needs-me]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section[aria-labelledby=committee]")).ToHaveCountAsync(0);
        await screenshots.TakeAsync(page, "staff");
    }

    [Fact]
    public async Task Committee_members_see_the_latest_briefing_and_the_next_meeting()
    {
        var site = browser.Site;
        var title = $"Plantet orientering {MilestoneTestData.Unique()}";
        var meeting = Today.AddDays(1);
        var strategyName = await PlantBriefingAndMeetingAsync(site, title, meeting);

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Committee);
        await page.GotoAsync("/");

        var card = page.Locator("section[aria-labelledby=committee] section.card").Filter(new() { HasText = strategyName });
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("Næste udvalgsmøde: " + DanishDate(meeting));
        await Assertions.Expect(page.Locator("section[aria-labelledby=needs-me]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section[aria-labelledby=my-events]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section[aria-labelledby=health]")).ToHaveCountAsync(0);
        await screenshots.TakeAsync(page, "committee");
    }

    [Fact]
    public async Task Administrators_see_each_strategys_overdue_count_silent_owners_and_failing_deliveries()
    {
        var site = browser.Site;
        await using (var db = site.CreateDbContext())
        {
            db.Deliveries.Add(new Delivery { Key = $"front-page-test:{MilestoneTestData.Unique()}", Kind = DeliveryKind.EventReminder, RecipientEmail = "nogen@norddjurs.dk", State = DeliveryState.Failed, Attempts = 6, CreatedAtUtc = DateTime.UtcNow, NextAttemptAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        int failed, overdue;
        string strategyName;
        await using (var db = site.CreateDbContext())
        {
            failed = await db.Deliveries.CountAsync(d => d.State == DeliveryState.Failed);
            var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
            strategyName = strategy.Name;
            overdue = (await db.Milestones.AsNoTracking().Where(m => m.StrategyId == strategy.Id).ToListAsync()).Count(m => m.IsOverdue(Today));
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Administrator);
        await page.GotoAsync("/");

        var block = page.Locator("section[aria-labelledby=health]");
        await Assertions.Expect(block).ToContainTextAsync($"E-mails der ikke kunne leveres: {failed}.");
        var row = block.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = strategyName, Exact = true }) });
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("Forsinket");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(overdue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(row.Locator("td").Nth(2)).ToContainTextAsync("Lars Leder");
        await Assertions.Expect(page.Locator("section[aria-labelledby=needs-me]")).ToHaveCountAsync(0);
        await screenshots.TakeAsync(page, "administrator");
    }

    [Fact]
    public async Task A_person_with_two_roles_sees_both_blocks_and_each_empty_block_says_why()
    {
        var site = browser.Site;
        var email = $"to-roller-{MilestoneTestData.Unique()}@demo.local";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Tove To Roller", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Pages.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.DepartmentHead, Roles.Staff])).Succeeded);
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, email);
        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("section[aria-labelledby=needs-me]")).ToContainTextAsync("Ingen milepæle kræver din opmærksomhed");
        await Assertions.Expect(page.Locator("section[aria-labelledby=my-events]")).ToContainTextAsync("Du deltager ikke i nogen arrangementer de næste 8 uger");
        await screenshots.TakeAsync(page, "two-roles-empty");
    }

    private static ILocator RowOf(ILocator block, string title) =>
        block.GetByRole(AriaRole.Row).Filter(new() { Has = block.Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    private static string DanishDate(DateOnly date) => date.ToString("d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("da-DK"));

    /// <summary>An update request to the person for a meeting still to come, sent before <paramref name="fineAfter"/> was last updated.</summary>
    private static async Task PlantUpdateRequestAsync(SiteFactory site, string userId, string fineAfter)
    {
        await using var db = site.CreateDbContext();
        var committeeId = await EnsureCommitteeAsync(db);
        var meeting = new CommitteeMeeting { CommitteeId = committeeId, MeetingDate = Today.AddDays(12), BriefingDeadline = Today.AddDays(8) };
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync();
        var fine = await db.Milestones.SingleAsync(m => m.Title == fineAfter);
        fine.LastStatusUpdateAtUtc = DateTime.UtcNow;
        db.Deliveries.Add(new Delivery
        {
            Key = $"update-request:{meeting.Id}:{userId}",
            Kind = DeliveryKind.UpdateRequest,
            CommitteeMeetingId = meeting.Id,
            UserId = userId,
            RecipientEmail = DemoUsers.DepartmentHead,
            State = DeliveryState.Sent,
            CreatedAtUtc = DateTime.UtcNow.AddHours(-1),
            NextAttemptAtUtc = DateTime.UtcNow.AddHours(-1),
            SentAtUtc = DateTime.UtcNow.AddHours(-1),
        });
        await db.SaveChangesAsync();
    }

    private static async Task<int> EnsureCommitteeAsync(Web.Data.AppDbContext db)
    {
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
        if (strategy.CommitteeId is { } id)
        {
            return id;
        }

        var committee = new Committee { Name = "Børne- og Ungdomsudvalget", Municipality = strategy.Municipality };
        strategy.Committee = committee;
        await db.SaveChangesAsync();
        return committee.Id;
    }

    private static async Task InviteAsync(SiteFactory site, string email, params int[] milestoneIds)
    {
        await using var db = site.CreateDbContext();
        var person = new Stakeholder { Kind = StakeholderKind.Person, Name = $"Medarbejder {MilestoneTestData.Unique()}", Email = email };
        db.Stakeholders.Add(person);
        await db.SaveChangesAsync();
        foreach (var id in milestoneIds)
        {
            db.MilestoneStakeholders.Add(new MilestoneStakeholder { MilestoneId = id, StakeholderId = person.Id, Role = StakeholderRole.Participant });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<string> PlantBriefingAndMeetingAsync(SiteFactory site, string title, DateOnly meetingDate)
    {
        await using var db = site.CreateDbContext();
        var committeeId = await EnsureCommitteeAsync(db);
        var strategy = await db.Strategies.OrderBy(s => s.Id).FirstAsync();
        db.CommitteeMeetings.Add(new CommitteeMeeting { CommitteeId = committeeId, MeetingDate = meetingDate, BriefingDeadline = meetingDate.AddDays(-5) });
        db.CommitteeBriefings.Add(new CommitteeBriefing
        {
            StrategyId = strategy.Id,
            Version = 1,
            Title = title,
            FileName = "plantet-orientering.pdf",
            Content = [0x25, 0x50, 0x44, 0x46],
            Sha256 = new string('0', 64),
            PageCount = 1,
            IssuedAtUtc = DateTime.UtcNow,
            IssuedByName = "Automatisk",
        });
        await db.SaveChangesAsync();
        return strategy.Name;
    }
}
