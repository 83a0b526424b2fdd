// Builds the database bench/pages.sh loads: the demo (its users and the Norddjurs plan as strategy 1)
// and a second copy of the same plan grown `factor` times, made through the site's own importer and
// the plan multiplier. Prints the ids the script needs as shell assignments.
// Usage: dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- --prepare /tmp/bench.db --factor 50
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Demo;
using PreventionStrategy.Web.Features.Plans.Transfer;

namespace PreventionStrategy.Web.Bench;

internal static class PreparedDatabase
{
    public static async Task RunAsync(string path, int factor, string siteFolder)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PREVENTIONSTRATEGY_WEB", siteFolder);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        await using var site = new BenchSite(path);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var small = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();

        await using var plan = DemoSeeder.OpenNorddjursPlan();
        var imported = await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(plan);
        var large = imported.StrategyId ?? throw new InvalidOperationException("The second copy did not import: " + string.Join("; ", imported.Errors));
        await db.Strategies.Where(s => s.Id == large).ExecuteUpdateAsync(set => set.SetProperty(s => s.Name, s => s.Name + $" ({factor}x)"));
        await new PlanMultiplier(db).MultiplyAsync(large, factor);

        // Checkpoint so the file copied for each run holds everything without its -wal.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");

        foreach (var (name, strategy) in new[] { ("SMALL", small), ("LARGE", large) })
        {
            var milestone = await db.Milestones.Where(m => m.StrategyId == strategy).OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync();
            var focusArea = await db.FocusAreas.Where(f => f.StrategyId == strategy).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
            var milestones = await db.Milestones.CountAsync(m => m.StrategyId == strategy);
            Console.WriteLine($"{name}_STRATEGY={strategy} {name}_MILESTONE={milestone} {name}_FOCUS_AREA={focusArea} {name}_MILESTONES={milestones}");
        }
    }
}
