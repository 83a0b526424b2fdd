using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Demo;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>What the tests that hold a page's SQL count to "does not grow with the data" share.</summary>
public static class QueryCounting
{
    /// <summary>
    /// The SQL commands of one request, run once before to warm up: first-request work is not the page's.
    /// In between the content version moves, as any save does, so the page is drawn again rather than
    /// served from the page cache: the count is what a page costs after a change.
    /// </summary>
    public static async Task<int> SqlCommandsOfAsync(this SiteFactory site, Func<Task> request)
    {
        await request();
        await site.TouchContentAsync();
        site.SqlCommands.Reset();
        await request();
        return site.SqlCommands.Count;
    }

    /// <summary>The SQL commands of one request as it comes, without moving the content version first (what is kept stays kept).</summary>
    public static async Task<int> SqlCommandsAfterAsync(this SiteFactory site, Func<Task> request)
    {
        site.SqlCommands.Reset();
        await request();
        return site.SqlCommands.Count;
    }

    /// <summary>The SQL commands of each request, by its key (usually the URL).</summary>
    public static async Task<Dictionary<string, int>> SqlCommandsOfAsync(this SiteFactory site, IEnumerable<string> keys, Func<string, Task> request)
    {
        var counts = new Dictionary<string, int>();
        foreach (var key in keys)
        {
            counts[key] = await site.SqlCommandsOfAsync(() => request(key));
        }

        return counts;
    }

    /// <summary>What any save does to the page cache, without changing anything a page shows.</summary>
    public static async Task TouchContentAsync(this SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().ContentVersions
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Value, v => v.Value + 1));
    }

    /// <summary>Grows the strategy's plan <paramref name="factor"/> times, the way the benchmark does.</summary>
    public static async Task MultiplyPlanAsync(this SiteFactory site, int strategyId, int factor)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await new PlanMultiplier(scope.ServiceProvider.GetRequiredService<AppDbContext>()).MultiplyAsync(strategyId, factor);
    }
}
