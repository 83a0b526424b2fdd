using System.Net;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Localization;

public sealed class DanishDisplayTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_milestone_list_shows_each_precision_the_Danish_way_in_date_order()
    {
        var client = await site.ClientFor(DemoUsers.Staff);
        var page = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}");
        var timings = page.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();

        Assert.Contains(timings, t => t.StartsWith("11. oktober 2024", StringComparison.Ordinal));
        Assert.Contains(timings, t => t.StartsWith("13. december 2024", StringComparison.Ordinal));
        Assert.Contains(timings, t => t.StartsWith("28. februar 2025", StringComparison.Ordinal));
        Assert.Contains(timings, t => t.StartsWith("1. kvartal 2025", StringComparison.Ordinal));
        Assert.Contains(timings, t => t.StartsWith("1. halvår 2025", StringComparison.Ordinal));
        Assert.True(
            timings.FindIndex(t => t.StartsWith("13. december 2024", StringComparison.Ordinal)) < timings.FindIndex(t => t.StartsWith("1. kvartal 2025", StringComparison.Ordinal)),
            "13. december 2024 should sort before 1. kvartal 2025");
    }

    [Fact]
    public async Task The_period_filter_keeps_a_quarter_that_overlaps_the_chosen_month()
    {
        var client = await site.ClientFor(DemoUsers.Staff);
        var page = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}&from=2025-02-01&to=2025-02-27");
        var text = page.QuerySelector("tbody")!.TextContent;

        Assert.Contains("1. kvartal 2025", text);
        Assert.Contains("1. halvår 2025", text);
        Assert.DoesNotContain("28. februar 2025", text);
        Assert.DoesNotContain("13. december 2024", text);
    }

    [Fact]
    public async Task Passed_periods_show_as_overdue_only_after_their_last_day()
    {
        // Today is after all of the Norddjurs plan, and the demo milestones are still planned.
        var client = await site.ClientFor(DemoUsers.Staff);
        var page = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}&overdueOnly=true");
        Assert.Contains("1. halvår 2025", page.QuerySelector("tbody")!.TextContent);
        Assert.Contains("Overskredet", page.QuerySelector("tbody")!.TextContent);
    }

    [Fact]
    public async Task The_language_switch_shows_the_site_in_English_and_back()
    {
        var client = site.CreateBrowserlessClient();
        await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.Staff,
            ["Input.Password"] = Pages.DemoPassword,
        });
        var toEnglish = await client.SubmitAsync(
            $"/Milestones?strategyId={site.Ids.Strategy}",
            new Dictionary<string, string> { ["culture"] = "en-GB" },
            "form[action='/Localization/SetLanguage']");
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);

        var english = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Milestones", english.QuerySelector("h1")!.TextContent);
        Assert.Contains("Q1 2025", english.Body!.TextContent);
        Assert.Contains("13 December 2024", english.Body!.TextContent);

        await client.SubmitAsync("/", new Dictionary<string, string> { ["culture"] = "da-DK" }, "form[action='/Localization/SetLanguage']");
        var danish = await client.GetDocumentAsync($"/Milestones?strategyId={site.Ids.Strategy}");
        Assert.Equal("Milepæle", danish.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Every_Danish_resource_has_an_English_translation()
    {
        var folder = Path.Combine(FindRepositoryRoot(), "src", "PreventionStrategy.Web", "Resources");
        foreach (var danish in Directory.EnumerateFiles(folder, "*.resx", SearchOption.AllDirectories).Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)))
        {
            var english = danish[..^".resx".Length] + ".en.resx";
            Assert.True(File.Exists(english), $"{english} is missing");
            Assert.Equal(Keys(danish), Keys(english));
        }

        await Task.CompletedTask;
    }

    private static SortedSet<string> Keys(string resx) =>
        new(System.Xml.Linq.XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!), StringComparer.Ordinal);

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PreventionStrategy.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
