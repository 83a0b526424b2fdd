using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Indicators;

/// <summary>
/// The CSV import and entry pages of an indicator: only the indicator's owner and administrators
/// may open them.
/// </summary>
public sealed class IndicatorCsvImportTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData(DemoUsers.Staff, "Import", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Committee, "Import", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.DepartmentHead, "Import", HttpStatusCode.OK)]
    [InlineData(DemoUsers.Administrator, "Import", HttpStatusCode.OK)]
    [InlineData(DemoUsers.Staff, "Measurements", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Committee, "Measurements", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.DepartmentHead, "Measurements", HttpStatusCode.OK)]
    [InlineData(DemoUsers.Administrator, "Measurements", HttpStatusCode.OK)]
    public async Task Only_the_owner_and_administrators_may_open_the_import_and_entry_pages(string user, string page, HttpStatusCode expected)
    {
        int id;
        await using (var db = site.CreateDbContext())
        {
            id = await db.Indicators.Where(i => i.Name == "Anbringelser efter type").Select(i => i.Id).SingleAsync();
        }

        var client = await site.ClientFor(user);
        using var response = await client.GetAsync($"/Indicators/{page}/{id}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_template_csv_downloads_with_the_indicators_categories_semicolon_separated()
    {
        int id;
        await using (var db = site.CreateDbContext())
        {
            id = await db.Indicators.Where(i => i.Name == "Anbringelser efter type").Select(i => i.Id).SingleAsync();
        }

        var client = await site.ClientFor(DemoUsers.DepartmentHead);
        using var response = await client.GetAsync($"/Indicators/Details/{id}?handler=Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(";", text.Split('\n')[0], StringComparison.Ordinal);
    }
}
