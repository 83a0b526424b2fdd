// Generation time and file size of the committee briefing for the Norddjurs plan and for a plan
// grown to about 300 milestones. Usage: dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- --briefings
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Demo;

namespace PreventionStrategy.Web.Bench;

internal static class BriefingBenchmark
{
    private const int Runs = 10;

    public static async Task RunAsync(string siteFolder)
    {
        var folder = Directory.CreateTempSubdirectory("preventionstrategy-bench-briefing-").FullName;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PREVENTIONSTRATEGY_WEB", siteFolder);
        await using var site = new BenchSite(Path.Combine(folder, "bench.db"));
        site.Settings["Jobs:ServerEnabled"] = "false";
        _ = site.Server;

        Console.WriteLine($"{Environment.ProcessorCount} cores, {Runs} runs each after a warm-up");
        Console.WriteLine($"{"plan",-28} {"model ms",9} {"pdf ms",8} {"pages",6} {"KiB",6}");
        await MeasureAsync(site, "Norddjurs");

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var strategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            await new PlanMultiplier(db).MultiplyAsync(strategyId, 38);
        }

        await MeasureAsync(site, "Norddjurs x38");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task MeasureAsync(BenchSite site, string label)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var builder = scope.ServiceProvider.GetRequiredService<BriefingModelBuilder>();
        var strategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var milestones = await db.Milestones.CountAsync(m => m.StrategyId == strategyId);

        var model = await builder.BuildAsync(strategyId, null, null, "Forvaltningen vurderer, at strategien følger planen.");
        var (pdf, pages) = BriefingPdf.GenerateWithPageCount(model);
        var modelTime = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            model = await builder.BuildAsync(strategyId, null, null, "Forvaltningen vurderer, at strategien følger planen.");
        }

        modelTime.Stop();
        var pdfTime = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            (pdf, pages) = BriefingPdf.GenerateWithPageCount(model);
        }

        pdfTime.Stop();
        Console.WriteLine($"{$"{label} ({milestones} milestones)",-28} {modelTime.Elapsed.TotalMilliseconds / Runs,9:N1} {pdfTime.Elapsed.TotalMilliseconds / Runs,8:N1} {pages,6} {pdf.Length / 1024,6:N0}");
    }
}
