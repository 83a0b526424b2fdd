using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.PageCache;

/// <summary>
/// Two sites on one database file, standing for two servers behind a load balancer, and the seeded theme day
/// milestone whose pages the tests change on one and read on the other.
/// </summary>
public abstract class TwoServersOnOneDatabase : IAsyncLifetime
{
    protected const string ThemeDay = "Temadag om forankring af strategien";

    protected SiteFactory First { get; } = new();

    protected SiteFactory Second { get; private set; } = null!;

    public Task InitializeAsync()
    {
        _ = First.Server;
        Second = new SiteFactory(First.Folder);
        _ = Second.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }

    protected async Task<(int Strategy, int Milestone, int FocusArea)> ThemeDayAsync()
    {
        await using var db = First.CreateDbContext();
        var milestone = await db.Milestones.Include(m => m.FocusAreas).SingleAsync(m => m.Title == ThemeDay);
        return (milestone.StrategyId, milestone.Id, milestone.FocusAreas.First().Id);
    }

    protected static async Task<string> BodyAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
