using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Indicators;

/// <summary>An indicator's pages cost the same SQL for two figures as for ten years of quarters in five categories.</summary>
public sealed class IndicatorQueryCountTests : IAsyncLifetime
{
    private readonly DemoSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task An_indicator_with_forty_quarters_in_five_categories_costs_the_same_SQL_as_one_with_two_figures()
    {
        var client = await site.ClientFor(DemoUsers.Administrator);
        await site.MultiplyPlanAsync(site.Ids.Strategy, 50);
        int grown;
        await using (var db = site.CreateDbContext())
        {
            grown = await db.Indicators.Where(i => i.Name.StartsWith("Vækstindikator")).OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync();
            Assert.Equal(200, await db.IndicatorValues.CountAsync(v => db.IndicatorMeasurements.Any(m => m.Id == v.MeasurementId && m.IndicatorId == grown)));
            Assert.Equal(2, await db.IndicatorMeasurements.CountAsync(m => m.IndicatorId == site.Ids.Indicator));
        }

        foreach (var page in new[] { "/Indicators/Details/{0}", "/Indicators/Measurements/{0}?from=2016&to=2025", "/Indicators/Details/{0}?handler=Template" })
        {
            var small = string.Format(System.Globalization.CultureInfo.InvariantCulture, page, site.Ids.Indicator);
            var large = string.Format(System.Globalization.CultureInfo.InvariantCulture, page, grown);
            var counts = await site.SqlCommandsOfAsync([small, large], async url => (await client.GetAsync(url)).EnsureSuccessStatusCode());

            Assert.True(counts[small] > 0, $"{small} counted no SQL");
            Assert.Equal(counts[small], counts[large]);
        }
    }
}
