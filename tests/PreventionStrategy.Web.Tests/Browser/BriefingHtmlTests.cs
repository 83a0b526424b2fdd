using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Tests.Briefings;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>An archived briefing as an HTML page in Chromium: what was issued, accessible at a phone's and a desktop's width.</summary>
[Trait("Category", "Accessibility")]
public sealed class BriefingHtmlTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task An_archived_briefing_with_a_decision_reads_as_an_accessible_page(int width)
    {
        var id = await ArchiveAsync(SmallBriefing.Create(), withModel: true);
        await using var context = await browser.NewContextAsync();
        await Axe.AddToAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Committee);
        await page.SetViewportSizeAsync(width, 900);

        var response = await page.GotoAsync($"/Briefings/View/{id}");

        Assert.Equal(200, response!.Status);
        var decisions = page.Locator("#til-beslutning");
        await Assertions.Expect(decisions.GetByRole(AriaRole.Heading, new() { Name = "Til beslutning" })).ToBeVisibleAsync();
        await Assertions.Expect(decisions.GetByRole(AriaRole.Cell, new() { Name = SmallBriefing.Question })).ToBeVisibleAsync();
        await Assertions.Expect(decisions.GetByText("Godkendt: Enstemmigt")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Færre anbringelser" }).Locator(".status-badge", new() { HasText = "Ude af kurs" })).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), "the page scrolls sideways");
        if (Environment.GetEnvironmentVariable("BRIEFING_OUT") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"briefing-html-{width}.png"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"briefing-html-{width}-top.png") });
            await page.Locator("#b-areas").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"briefing-html-{width}-areas.png") });
        }

        var violations = await Axe.AuditAsync(page);
        Assert.True(violations.Count == 0, "axe found violations:" + Axe.Describe([("briefing HTML", violations)]));
    }

    [Fact]
    public async Task An_archived_briefing_shows_what_was_issued_not_todays_data()
    {
        int id;
        string title;
        using (var scope = browser.Site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var strategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            id = (await scope.ServiceProvider.GetRequiredService<BriefingArchive>().IssueAsync(strategyId, null, "Bemærkning ved udsendelsen.", null, "Test", null, CancellationToken.None))!.Id;
            var milestone = await db.Milestones.Where(m => m.StrategyId == strategyId).OrderBy(m => m.Id).FirstAsync();
            title = milestone.Title;
            milestone.Title = "Omdøbt efter udsendelsen";
            await db.SaveChangesAsync();
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Committee);
        await page.GotoAsync($"/Briefings/View/{id}");

        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(title, text);
        Assert.Contains("Bemærkning ved udsendelsen.", text);
        Assert.DoesNotContain("Omdøbt efter udsendelsen", text);
    }

    [Fact]
    public async Task An_archived_briefing_from_before_the_model_was_kept_says_so_and_offers_the_pdf()
    {
        var id = await ArchiveAsync(SmallBriefing.Create(), withModel: false);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Committee);

        var response = await page.GotoAsync($"/Briefings/View/{id}");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByText("kan desværre kun læses som PDF-fil", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hent PDF-filen", Exact = false })).ToBeVisibleAsync();
    }

    // An issued row as the archive stores it; the model is the in-memory one, so its decisions stand in the stored JSON.
    private async Task<int> ArchiveAsync(BriefingModel model, bool withModel)
    {
        using var scope = browser.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var strategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var pdf = BriefingPdf.Generate(model);
        var version = 1 + (await db.CommitteeBriefings.Where(b => b.StrategyId == strategyId && b.CommitteeMeetingId == null).MaxAsync(b => (int?)b.Version) ?? 0);
        var briefing = new CommitteeBriefing
        {
            StrategyId = strategyId,
            Version = version,
            Title = "Orientering til Børne- og Ungdomsudvalget 13. marts 2025",
            FileName = $"orientering-test-{Guid.NewGuid():N}.pdf",
            Content = pdf,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
            PageCount = 4,
            IssuedAtUtc = DateTime.UtcNow,
            IssuedByName = "Test",
            ModelJson = withModel ? BriefingModelJson.Write(model) : null,
        };
        db.CommitteeBriefings.Add(briefing);
        await db.SaveChangesAsync();
        return briefing.Id;
    }
}
