using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Calendars;

/// <summary>The month view and the feeds must not issue more SQL as the plan grows: measured at 1x and at 50x the Norddjurs plan.</summary>
public sealed class CalendarQueryCountTests : IAsyncLifetime
{
    private readonly DemoSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Month_view_and_feeds_issue_the_same_number_of_SQL_commands_at_50x_the_data()
    {
        var admin = await site.ClientFor(DemoUsers.Administrator);
        var owner = await site.ClientFor(DemoUsers.DepartmentHead);
        string[] pages =
        [
            $"/Calendar?strategyId={site.Ids.Strategy}&year=2024&month=12",
            $"/Calendar?strategyId={site.Ids.Strategy}&year=2025&month=2",
        ];
        string[] feeds = [await owner.NewFeedPathAsync(), await admin.NewStrategyFeedPathAsync(site.Ids.Strategy)];

        var before = await CountAsync(admin, pages, feeds);
        Assert.All(before, page => Assert.True(page.Value > 0, $"{page.Key} counted no SQL: the counter is not attached"));
        await site.MultiplyPlanAsync(site.Ids.Strategy, 50);

        var feed = await site.FeedAsync(feeds[1]);
        Assert.True(feed.Events.Count >= 50 * 3, "the plan did not grow");
        var after = await CountAsync(admin, pages, feeds);
        Assert.Equal(before, after);
    }

    private async Task<Dictionary<string, int>> CountAsync(HttpClient client, string[] pages, string[] feeds) =>
        (await site.SqlCommandsOfAsync(pages, url => client.GetDocumentAsync(url)))
            .Concat(await site.SqlCommandsOfAsync(feeds, path => site.FeedAsync(path)))
            .ToDictionary();
}
