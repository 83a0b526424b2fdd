using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.CommitteeCycle;
using PreventionStrategy.Web.Tests.Infrastructure;
using PreventionStrategy.Web.Tests.Milestones;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>The committee cycle in a real browser: an explanation with a decision, the dashboard, the answer, and "since the last meeting".</summary>
public sealed class CommitteeCycleBrowserTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private readonly Screenshots screenshots = new(output, "CommitteeCycle");

    [Fact]
    public async Task A_decision_asked_with_an_explanation_reaches_the_dashboard_is_answered_and_the_change_shows_since_the_last_meeting()
    {
        const string title = "Ny tilbudsvifte på anbringelsesområdet";
        var (strategyId, committeeId) = await browser.Site.CommitteeAsync();
        var meetingDate = MilestoneTestData.DanishToday.AddDays(14);
        var meetingId = await browser.Site.MeetingAsync(committeeId, meetingDate);
        Assert.NotNull(await browser.Site.IssueAsync(strategyId, await browser.Site.MeetingAsync(committeeId, MilestoneTestData.DanishToday.AddDays(-20))));
        int milestoneId;
        await using (var db = browser.Site.CreateDbContext())
        {
            milestoneId = await db.Milestones.Where(m => m.Title == title).Select(m => m.Id).SingleAsync();
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = BrowserSite.WatchForProblems(page);
        var step = "start";
        try
        {
            step = "1-explanation";
            await BrowserSite.SignInAsync(page, DemoUsers.DepartmentHead);
            await page.GotoAsync($"/Milestones/UpdateStatus/{milestoneId}");
            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Forsinket" });
            await page.GetByLabel("Årsag", new() { Exact = true }).FillAsync("Markedsafdækningen tog længere tid end ventet.");
            await page.GetByLabel("Konsekvens for planen", new() { Exact = true }).FillAsync("Fokusområde 3 starter et kvartal senere.");
            await page.GetByLabel("Konsekvens for børn og familier", new() { Exact = true }).FillAsync("Færre kombinationsanbringelser i 2025.");
            await page.GetByLabel("Næste skridt", new() { Exact = true }).FillAsync("Udbud sendes ud.");
            await page.GetByLabel("Dato for næste skridt", new() { Exact = true }).FillAsync("2027-03-01");
            await page.GetByLabel("Beslutning, udvalget bedes træffe", new() { Exact = true }).FillAsync("Godkende at fristen flyttes til 2. halvår");
            await page.GetByLabel("Til udvalgsmødet", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = meetingId.ToString() });
            await screenshots.TakeAsync(page, step);
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem status", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".alert-success")).ToHaveTextAsync($"Status for \"{title}\" er nu \"Forsinket\".");
            await Assertions.Expect(page.Locator("dl.explanation").First).ToContainTextAsync("Markedsafdækningen tog længere tid end ventet.");
            await screenshots.TakeAsync(page, "2-history");

            step = "3-dashboard";
            await page.GotoAsync($"/Plans/Dashboard/{strategyId}");
            var decisions = page.GetByRole(AriaRole.Table, new() { Name = "Til beslutning", Exact = true });
            var row = decisions.GetByRole(AriaRole.Row).Filter(new() { HasText = "Godkende at fristen flyttes til 2. halvår" });
            await Assertions.Expect(row).ToContainTextAsync(title);
            await Assertions.Expect(row).ToContainTextAsync("Lars Leder");
            await Assertions.Expect(row).ToContainTextAsync(MilestoneTestData.Danish(meetingDate));
            await screenshots.TakeAsync(page, step);

            step = "4-answer";
            await page.GotoAsync("/Identity/Account/Logout");
            await context.ClearCookiesAsync();
            await BrowserSite.SignInAsync(page, DemoUsers.Administrator);
            await page.GotoAsync($"/CommitteeCycle/Decisions/{strategyId}");
            await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Godkende at fristen flyttes til 2. halvår" }).GetByRole(AriaRole.Link, new() { Name = "Registrér svar" }).ClickAsync();
            await page.GetByLabel("Udvalgets svar", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Udsat" });
            await page.GetByLabel("Bemærkning til svaret", new() { Exact = true }).FillAsync("Behandles igen på næste møde.");
            await screenshots.TakeAsync(page, step);
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem svaret", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Udsat");
            await screenshots.TakeAsync(page, "5-answered");

            step = "6-since";
            await context.ClearCookiesAsync();
            await BrowserSite.SignInAsync(page, DemoUsers.Committee);
            await page.GotoAsync($"/CommitteeCycle/SinceLastMeeting/{strategyId}");
            await Assertions.Expect(page.Locator("section[data-kind=NewlyDelayed]")).ToContainTextAsync(title);
            await screenshots.TakeAsync(page, step);

            Assert.True(problems.Count == 0, "The browser met errors on the way:\n" + string.Join("\n", problems));
        }
        finally
        {
            await screenshots.TryTakeAsync(page, step);
        }
    }
}
