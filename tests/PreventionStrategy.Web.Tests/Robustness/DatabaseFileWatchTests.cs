using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>
/// Issue 17, item 7: when SQLite's WAL index (the -shm file) is cut short under a running site, the next database
/// access ends the process with SIGBUS, unseen by any handler. The site looks at its files by itself and logs at
/// Critical within seconds, so the cause is on record before that. The database is held open by another process
/// (Python's sqlite3, a real SQLite in WAL mode): cutting the index of a database this test process has open would
/// kill the test run at its next access, a pooled connection's clean-up included (seen in a first version of this test).
/// </summary>
public sealed class DatabaseFileWatchTests : IDisposable
{
    private readonly SiteFactory site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task A_wal_index_cut_short_under_an_open_database_is_logged_at_Critical_within_seconds_and_fails_readiness()
    {
        var folder = Directory.CreateTempSubdirectory("preventionstrategy-shm-").FullName;
        var database = Path.Combine(folder, "site.db");
        using var holder = HoldOpen(database);
        try
        {
            var index = database + "-shm";
            var files = new DatabaseFiles($"Data Source={database}", minimumFreeBytes: 0);
            Assert.True(files.Check().IsFine, string.Join(" ", files.Check().Problems));
            Assert.True(new FileInfo(index).Length >= 32768);

            var errors = new ErrorLog();
            using var logging = LoggerFactory.Create(b => b.AddProvider(errors));
            using var watch = new DatabaseFileWatch(files, Options.Create(new DatabaseOptions { FileCheckSeconds = 1 }), logging.CreateLogger<DatabaseFileWatch>(), TimeProvider.System);
            await watch.StartAsync(CancellationToken.None);

            // Another process cuts it, as a careless clean-up or a restore would.
            Truncate(index, 0);

            Assert.True(await WaitForAsync(() => errors.Entries.Any(e => e.Level == LogLevel.Critical && e.Message.Contains("SIGBUS", StringComparison.Ordinal)), TimeSpan.FromSeconds(5)), "no Critical line about the cut WAL index within 5 s");
            var report = files.Check();
            Assert.True(report.IndexTruncated);
            Assert.Contains(report.Problems, p => p.Contains("Restart the site", StringComparison.Ordinal));
            await watch.StopAsync(CancellationToken.None);
        }
        finally
        {
            holder.Kill();
            holder.WaitForExit();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_holder_process_really_dies_of_SIGBUS_at_its_next_access_after_the_cut()
    {
        var folder = Directory.CreateTempSubdirectory("preventionstrategy-shm-").FullName;
        var database = Path.Combine(folder, "site.db");
        using var holder = HoldOpen(database);
        try
        {
            Truncate(database + "-shm", 0);
            await holder.StandardInput.WriteLineAsync("write");
            await holder.StandardInput.FlushAsync();
            Assert.True(holder.WaitForExit(10_000));

            // 128 + 7: killed by SIGBUS, with no word on its standard error, as the site would be.
            Assert.Equal(135, holder.ExitCode);
            Assert.Equal(string.Empty, await holder.StandardError.ReadToEndAsync());
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Too_little_free_space_beside_the_database_fails_readiness_and_is_logged_at_Critical()
    {
        site.Settings["Database:FileCheckSeconds"] = "1";
        site.Settings["Database:MinimumFreeMegabytes"] = "1000000";

        var health = await site.CreateBrowserlessClient().GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.True(await WaitForAsync(() => site.Errors.Entries.Any(e => e.Level == LogLevel.Critical && e.Message.Contains("MB free beside the database", StringComparison.Ordinal)), TimeSpan.FromSeconds(5)));
    }

    /// <summary>Python's sqlite3 opens the database in WAL mode, writes a row, says "ready", and writes again on "write".</summary>
    private static Process HoldOpen(string database)
    {
        const string script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("PRAGMA journal_mode=WAL")
            c.execute("CREATE TABLE t(x)")
            c.execute("INSERT INTO t VALUES (1)")
            print("ready", flush=True)
            for line in sys.stdin:
                c.execute("INSERT INTO t VALUES (2)")
                print("written", flush=True)
            """;
        var holder = Process.Start(new ProcessStartInfo("python3", ["-c", script, database]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
        Assert.Equal("ready", holder.StandardOutput.ReadLine());
        return holder;
    }

    private static void Truncate(string path, long length)
    {
        using var truncate = Process.Start("truncate", ["-s", length.ToString(System.Globalization.CultureInfo.InvariantCulture), path]);
        truncate.WaitForExit();
        Assert.Equal(0, truncate.ExitCode);
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
