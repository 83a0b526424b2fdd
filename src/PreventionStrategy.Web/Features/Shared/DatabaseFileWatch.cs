using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// Checks the database's files every <c>Database:FileCheckSeconds</c>, whether or not anyone asks <c>/health</c>,
/// and logs what is wrong at Critical: a truncated WAL index gives the process seconds at most before SIGBUS ends it
/// without a word, so the line must be out before that. The same fault is logged again after five minutes, not every tick.
/// </summary>
public sealed class DatabaseFileWatch(DatabaseFiles files, IOptions<DatabaseOptions> options, ILogger<DatabaseFileWatch> logger, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Repeat = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, DateTimeOffset> lastLogged = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FileCheckSeconds), clock);
        do
        {
            Report(files.Check());
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Report(DatabaseFileReport report)
    {
        var now = clock.GetUtcNow();
        foreach (var problem in report.Problems)
        {
            // Keyed by the problem's first words, so a changing byte count does not make it new.
            var key = problem[..Math.Min(40, problem.Length)];
            if (lastLogged.TryGetValue(key, out var at) && now - at < Repeat)
            {
                continue;
            }

            lastLogged[key] = now;
            logger.LogCritical("Database files: {Problem}", problem);
            if (report.IndexTruncated)
            {
                // The console logger writes from a queue that dies with the process; stderr is written now.
                Console.Error.WriteLine($"crit: PreventionStrategy database files: {problem}");
                Console.Error.Flush();
            }
        }

        foreach (var gone in lastLogged.Keys.Where(k => !report.Problems.Any(p => p.StartsWith(k, StringComparison.Ordinal))).ToList())
        {
            lastLogged.Remove(gone);
        }
    }
}
