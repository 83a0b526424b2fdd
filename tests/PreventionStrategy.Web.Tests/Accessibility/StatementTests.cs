using System.Net;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Accessibility;

/// <summary>The accessibility statement the Danish web accessibility law asks for: public, in Danish and English, linked from every page.</summary>
[Trait("Category", "Accessibility")]
public sealed class StatementTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Anyone_reads_the_statement_in_Danish_with_its_status_contact_and_complaint_body()
    {
        var page = await site.CreateBrowserlessClient().GetDocumentAsync("/Accessibility");

        Assert.Equal("da", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Tilgængelighedserklæring", page.QuerySelector("h1")!.TextContent);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("overholder delvist", text);
        Assert.Contains("6. december 2026", text);
        Assert.Contains("axe-core", text);
        Assert.NotNull(page.QuerySelector("a[href='mailto:webtilgaengelighed@norddjurs.dk']"));
        Assert.NotNull(page.QuerySelector("a[href='https://www.was.digst.dk']"));
        Assert.Equal(
            ["Overholdelsesstatus", "Ikke-tilgængeligt indhold", "Udarbejdelse af denne tilgængelighedserklæring", "Feedback og kontaktoplysninger", "Håndhævelsesprocedure"],
            page.QuerySelectorAll("main h2").Select(h => h.TextContent));
    }

    [Fact]
    public async Task The_statement_is_in_English_for_English_readers()
    {
        var page = await site.CreateBrowserlessClient().GetDocumentAsync("/Accessibility?culture=en-GB");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Accessibility statement", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("partially compliant", page.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData(null, "/Identity/Account/Login")]
    [InlineData(DemoUsers.Staff, "/")]
    [InlineData(DemoUsers.Administrator, "/Audit")]
    public async Task Every_page_links_the_statement_from_its_footer(string? email, string url)
    {
        var page = await (await site.ClientFor(email)).GetDocumentAsync(url);

        var link = page.QuerySelector("footer a[href='/Accessibility']");
        Assert.NotNull(link);
        Assert.Equal("Tilgængelighedserklæring", link.TextContent);
    }

    [Fact]
    public async Task The_feedback_address_comes_from_the_settings()
    {
        await using var configured = new SiteFactory();
        configured.Settings["Site:AccessibilityContactEmail"] = "tilgaengelighed@kommune.example";
        configured.Settings["Site:Organisation"] = "Eksempel Kommune";

        var response = await configured.CreateBrowserlessClient().GetAsync("/Accessibility");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector("a[href='mailto:tilgaengelighed@kommune.example']"));
        Assert.StartsWith("Eksempel Kommune er forpligtet", page.QuerySelector("main p")!.TextContent);
    }
}
