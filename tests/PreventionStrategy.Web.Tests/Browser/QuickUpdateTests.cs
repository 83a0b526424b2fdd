using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>The quick status update in a real browser: from the milestone list to the history and the dashboard.</summary>
public sealed class QuickUpdateTests(BrowserSite browser, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private readonly Screenshots screenshots = new(output, "QuickUpdate");

    private const string Comment = "Rekrutteringen af medarbejdere til task forcen trækker ud.";

    [Fact]
    public async Task Department_head_quick_updates_a_Norddjurs_milestone_to_at_risk_and_sees_it_in_the_history_and_on_the_dashboard()
    {
        const string title = "Task force til udsatte unge";
        var (strategyId, milestoneId) = await IdsAsync(title);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = BrowserSite.WatchForProblems(page);
        var step = "start";
        try
        {
            step = "1-login";
            await BrowserSite.SignInAsync(page, DemoUsers.DepartmentHead);

            // The milestone list, filtered and sorted: the quick update must come back to exactly this.
            step = "2-list";
            var listPath = $"/Milestones?strategyId={strategyId}&kind={nameof(MilestoneKind.Launch)}&sort=Title";
            await page.GotoAsync(listPath);
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row.Locator(".status-badge")).ToHaveTextAsync("Planlagt");

            // The quick form sits closed in a native disclosure until opened.
            var status = row.GetByLabel("Status", new() { Exact = true });
            await Assertions.Expect(status).Not.ToBeVisibleAsync();
            await row.Locator("details summary").Filter(new() { HasText = "Hurtig opdatering" }).ClickAsync();
            await Assertions.Expect(status).ToBeVisibleAsync();
            await status.SelectOptionAsync(new SelectOptionValue { Label = "I risiko" });
            await row.GetByLabel("Kommentar", new() { Exact = true }).FillAsync(Comment);
            await screenshots.TakeAsync(page, step);
            await row.GetByRole(AriaRole.Button, new() { Name = "Gem status", Exact = true }).ClickAsync();

            // I risiko needs an explanation: the full form, with the status and the comment kept.
            step = "2b-explanation";
            await Assertions.Expect(page.GetByLabel("Kommentar", new() { Exact = true })).ToHaveValueAsync(Comment);
            await FillExplanationAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem status", Exact = true }).ClickAsync();

            // Back on the same filtered list, with the success message and the new status.
            step = "3-saved";
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.RootUri, listPath).ToString());
            await Assertions.Expect(page.Locator(".alert-success")).ToHaveTextAsync($"Status for \"{title}\" er nu \"I risiko\".");
            await Assertions.Expect(row.Locator(".status-badge")).ToHaveTextAsync("I risiko");
            await screenshots.TakeAsync(page, step);

            // The milestone's history.
            step = "4-history";
            await row.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title, Exact = true })).ToBeVisibleAsync();
            var history = page.GetByRole(AriaRole.Table, new() { Name = "Historik", Exact = true });
            var entry = history.GetByRole(AriaRole.Row).Filter(new() { HasText = Comment });
            await Assertions.Expect(entry).ToHaveCountAsync(1);
            await Assertions.Expect(entry).ToContainTextAsync("Lars Leder");
            await Assertions.Expect(entry.Locator(".status-badge")).ToHaveTextAsync(["Planlagt", "I risiko"]);
            await screenshots.TakeAsync(page, step);

            // The dashboard: the milestone (first quarter of 2025) is past its date, so it is listed once, under
            // overdue, now with its new status, as the committee briefing lists it.
            step = "5-dashboard";
            await page.GetByRole(AriaRole.Link, new() { Name = "Forebyggende strategi for anbringelsesområdet", Exact = true }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex(@"^Overskredne milepæle \(\d+\)$") })).ToBeVisibleAsync();
            var overdue = page.GetByRole(AriaRole.Table, new() { Name = "Overskredne milepæle", Exact = true });
            var dashboardRow = overdue.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });
            await Assertions.Expect(dashboardRow.Locator(".status-badge")).ToHaveTextAsync("I risiko");
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Milepæle i risiko eller forsinket", Exact = true }).GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToHaveCountAsync(0);
            await screenshots.TakeAsync(page, step);

            // And in the database: the update as it was made.
            await using var db = browser.Site.CreateDbContext();
            var saved = await db.MilestoneStatusUpdates.AsNoTracking().SingleAsync(u => u.MilestoneId == milestoneId);
            Assert.Equal((MilestoneStatus.Planned, MilestoneStatus.AtRisk, Comment, "Lars Leder"), (saved.OldStatus, saved.NewStatus, saved.Comment, saved.UpdatedByName));
            Assert.Equal(MilestoneStatus.AtRisk, (await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == milestoneId)).Status);

            Assert.True(problems.Count == 0, "The browser met errors on the way:\n" + string.Join("\n", problems));
        }
        finally
        {
            await screenshots.TryTakeAsync(page, step);
        }
    }

    [Fact]
    public async Task Quick_update_works_without_JavaScript_and_an_invalid_one_opens_the_full_form()
    {
        const string title = "Temadag om forankring af strategien";
        var (strategyId, milestoneId) = await IdsAsync(title);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.RootUri.ToString(),
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = false,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var step = "nojs-start";
        try
        {
            step = "nojs-1-login";
            await BrowserSite.SignInAsync(page, DemoUsers.DepartmentHead);

            step = "nojs-2-list";
            var listPath = $"/Milestones?strategyId={strategyId}&kind={nameof(MilestoneKind.ThemeDay)}";
            await page.GotoAsync(listPath);
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });
            await row.Locator("details summary").ClickAsync();
            await row.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Forsinket" });
            await row.GetByRole(AriaRole.Button, new() { Name = "Gem status", Exact = true }).ClickAsync();

            // No comment: the full form, with the reason and the chosen status.
            step = "nojs-3-full-form";
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Opdatér status: {title}", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Skriv årsagen, når status er \"Forsinket\".");
            await Assertions.Expect(page.GetByLabel("Status", new() { Exact = true })).ToHaveValueAsync(nameof(MilestoneStatus.Delayed));
            await screenshots.TakeAsync(page, step);
            await page.GetByLabel("Kommentar", new() { Exact = true }).FillAsync("Flyttet, lokalet var dobbeltbooket.");
            await FillExplanationAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem status", Exact = true }).ClickAsync();

            // Saved, and back on the filtered list.
            step = "nojs-4-saved";
            await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.RootUri, listPath).ToString());
            await Assertions.Expect(page.Locator(".alert-success")).ToHaveTextAsync($"Status for \"{title}\" er nu \"Forsinket\".");
            await using var db = browser.Site.CreateDbContext();
            var saved = await db.MilestoneStatusUpdates.AsNoTracking().SingleAsync(u => u.MilestoneId == milestoneId);
            Assert.Equal((MilestoneStatus.Delayed, "Flyttet, lokalet var dobbeltbooket."), (saved.NewStatus, saved.Comment));
        }
        finally
        {
            await screenshots.TryTakeAsync(page, step);
        }
    }

    private async Task<(int StrategyId, int MilestoneId)> IdsAsync(string title)
    {
        await using var db = browser.Site.CreateDbContext();
        var milestone = await db.Milestones.AsNoTracking().SingleAsync(m => m.Title == title);
        return (milestone.StrategyId, milestone.Id);
    }

    private static async Task FillExplanationAsync(IPage page)
    {
        await page.GetByLabel("Årsag", new() { Exact = true }).FillAsync("Lokalet var dobbeltbooket.");
        await page.GetByLabel("Konsekvens for planen", new() { Exact = true }).FillAsync("Temadagen rykker en måned.");
        await page.GetByLabel("Konsekvens for børn og familier", new() { Exact = true }).FillAsync("Ingen direkte.");
        await page.GetByLabel("Næste skridt", new() { Exact = true }).FillAsync("Nyt lokale bookes.");
        await page.GetByLabel("Dato for næste skridt", new() { Exact = true }).FillAsync("2027-02-01");
    }
}
