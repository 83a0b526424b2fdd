using PreventionStrategy.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PreventionStrategy.Web.Tests.Accessibility;

/// <summary>
/// WCAG 2.4.2: every page's title says what the page is ("Temadag om forankring af strategien – Milepæl –
/// Forebyggende strategi"), in both languages; axe does not check this. Walks the page table of the access matrix.
/// </summary>
[Trait("Category", "Accessibility")]
public sealed class PageTitleTests(DemoSite site, ITestOutputHelper output) : IClassFixture<DemoSite>
{
    // Downloads, the job dashboard (Hangfire's own page) and the indicator template are not pages with a title.
    private static readonly string[] NotHtml = ["handler=Csv", "handler=Excel", "handler=Export", "handler=Template", "/hangfire"];

    [Theory]
    [InlineData("da-DK", "Forebyggende strategi")]
    [InlineData("en-GB", "Prevention strategy")]
    public async Task Every_page_has_a_unique_title_that_says_what_it_is(string culture, string siteName)
    {
        var client = await site.SignedInClientAsync(DemoUsers.Administrator);
        await client.SubmitAsync("/", new Dictionary<string, string> { ["culture"] = culture }, "form[action='/Localization/SetLanguage']");

        var titles = new List<(string Url, string Title)>();
        foreach (var (template, _) in SitePages.All.Where(p => !NotHtml.Any(n => p.Template.Contains(n, StringComparison.Ordinal))))
        {
            var url = SitePages.Resolve(template, site.Ids);
            var page = await client.GetDocumentAsync(url);
            titles.Add((url, page.Title ?? string.Empty));
        }

        output.WriteLine(string.Join("\n", titles.Select(t => $"{t.Url}\t{t.Title}")));
        Assert.All(titles, t => Assert.True(t.Title.EndsWith(" – " + siteName, StringComparison.Ordinal) && t.Title.Length > siteName.Length + 3, $"{t.Url}: \"{t.Title}\" does not say what the page is"));
        // "/Plans/Dashboard" without an id is the current strategy's dashboard: the same page as with its id.
        var shared = titles.Where(t => t.Url != "/Plans/Dashboard").GroupBy(t => t.Title).Where(g => g.Count() > 1).Select(g => $"\"{g.Key}\": {string.Join(", ", g.Select(t => t.Url))}").ToList();
        Assert.True(shared.Count == 0, "Pages share a title:\n" + string.Join("\n", shared));
    }
}
