using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Milestones;

/// <summary>The exports hold every matching row, yet their SQL count must not grow with the data: measured at 1x and 50x the Norddjurs plan.</summary>
public sealed class ExportQueryCountTests : IAsyncLifetime
{
    private readonly DemoSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Csv_and_Excel_exports_issue_the_same_number_of_SQL_commands_at_50x_the_data_and_hold_every_row()
    {
        var client = await site.ClientFor(DemoUsers.Staff);
        string[] urls =
        [
            $"/Milestones?handler=Csv&strategyId={site.Ids.Strategy}",
            $"/Milestones?handler=Excel&strategyId={site.Ids.Strategy}",
            $"/Milestones?handler=Csv&strategyId={site.Ids.Strategy}&focusAreaId={site.Ids.FocusArea}&sort=Owner&descending=true",
            $"/Milestones?handler=Excel&strategyId={site.Ids.Strategy}&status=AtRisk&sort=Progress",
        ];

        var before = await site.SqlCommandsOfAsync(urls, async url => (await client.GetAsync(url)).EnsureSuccessStatusCode());
        Assert.All(before, export => Assert.True(export.Value > 0, $"{export.Key} counted no SQL: the counter is not attached"));
        await site.MultiplyPlanAsync(site.Ids.Strategy, 50);

        int milestones;
        await using (var db = site.CreateDbContext())
        {
            milestones = db.Milestones.Count(m => m.StrategyId == site.Ids.Strategy);
            Assert.True(milestones >= 50 * 6, "the plan did not grow");
        }

        var after = await site.SqlCommandsOfAsync(urls, async url => (await client.GetAsync(url)).EnsureSuccessStatusCode());
        Assert.Equal(before, after);

        // Every row, not one page of the list.
        var csv = await client.GetAsync(urls[0]);
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(milestones + 1, ExportTests.ParseCsv(text.TrimStart('\uFEFF')).Count);
    }
}
