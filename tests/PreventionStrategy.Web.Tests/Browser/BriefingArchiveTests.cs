using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>A committee member opens the briefing archive in the browser and downloads a briefing.</summary>
public sealed class BriefingArchiveTests(BrowserSite browser) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Committee_member_opens_the_archive_and_downloads_a_briefing()
    {
        int strategyId;
        CommitteeBriefing issued;
        using (var scope = browser.Site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
            strategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            issued = (await scope.ServiceProvider.GetRequiredService<BriefingArchive>()
                .IssueAsync(strategyId, null, "Planen følges; se særligt fokusområde 2.", null, "Test", null, CancellationToken.None))!;
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, DemoUsers.Committee);

        await page.GotoAsync($"/Plans/Dashboard/{strategyId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Udvalgsorienteringer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Udvalgsorienteringer" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ny udvalgsorientering" })).ToHaveCountAsync(0);

        var row = page.Locator("#briefings tbody tr").Filter(new() { HasText = issued.Title }).First;
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Hent PDF") }).ClickAsync());
        Assert.Equal(issued.FileName, download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal(issued.Content, bytes);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Contains("fokusområde", string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }
}
