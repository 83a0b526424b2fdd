using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster from Debian's <c>postgresql</c> package: initdb into a folder under /tmp,
/// a free port, its unix socket in that folder, stopped and deleted when the tests are done. Run as the current
/// user; as root (PostgreSQL refuses to) as the <c>postgres</c> user the package creates. Each site gets a
/// database of its own in it (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgreSqlCluster
{
    /// <summary>Set to PostgreSql, every site a test starts (<see cref="SiteFactory"/>) runs on this cluster instead of a SQLite file.</summary>
    public const string ProviderVariable = "PREVENTIONSTRATEGY_TEST_PROVIDER";

    private static readonly Lazy<PostgreSqlCluster> SharedCluster = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One cluster per test run, started when a test first needs it and stopped when the test process exits.</summary>
    public static PostgreSqlCluster Shared => SharedCluster.Value;

    public static bool IsTestProvider =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    private static readonly string Bin = Directory.Exists("/usr/lib/postgresql/15/bin")
        ? "/usr/lib/postgresql/15/bin"
        : throw new InvalidOperationException("PostgreSQL 15 is not installed: apt-get install postgresql (.ci/run does it).");

    private static readonly bool AsRoot = Environment.UserName == "root";

    private int databases;

    public string Folder { get; } = Directory.CreateTempSubdirectory("preventionstrategy-pg-").FullName;

    public int Port { get; } = FreePort();

    private string DataFolder => Path.Combine(Folder, "data");

    public string UserName => AsRoot ? "postgres" : Environment.UserName;

    /// <summary>The cluster's own database, for creating others.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = Folder, Port = Port, Username = UserName, Database = database, Timeout = 30 }.ToString();

    private static PostgreSqlCluster StartShared()
    {
        SweepLeftovers();
        var cluster = new PostgreSqlCluster();
        cluster.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        cluster.WatchOwner();
        return cluster;
    }

    private async Task StartAsync()
    {
        if (AsRoot)
        {
            await RunAsync("/bin/chown", ["postgres:postgres", Folder], asPostgres: false);
        }

        await RunAsync(Path.Combine(Bin, "initdb"), ["-D", DataFolder, "-A", "trust", "-U", UserName, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);

        // Durability is not what these tests are about: no fsync, and the sockets in the test's own folder.
        await RunAsync(Path.Combine(Bin, "pg_ctl"), [
            "-D", DataFolder, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start"]);
    }

    /// <summary>A new, empty database; the connection string to it.</summary>
    public string CreateDatabase(string prefix = "site") => CreateDatabaseAsync(prefix).GetAwaiter().GetResult();

    public async Task<string> CreateDatabaseAsync(string prefix = "site")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = $"CREATE DATABASE \"{name}\"";
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Runs one of the cluster's programs (pg_dump, pg_restore, psql) against it, as the cluster's user.</summary>
    public Task<string> RunToolAsync(string tool, params string[] arguments) => RunAsync(Path.Combine(Bin, tool), ["-h", Folder, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", UserName, .. arguments]);

    /// <summary>
    /// The exit handler does not always get to run (a test host ended with its process group, or killed): a shell in a
    /// session of its own waits for this process to end and then stops the server and deletes the folder, however it ended.
    /// Without it, servers of earlier runs were found still running, each holding its port and memory.
    /// </summary>
    private void WatchOwner() =>
        Process.Start("/usr/bin/setsid", ["/bin/sh", "-c", $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; {StopCommand()} >/dev/null 2>&1; rm -rf '{Folder}'"]);

    private string StopCommand()
    {
        var pgCtl = $"{Path.Combine(Bin, "pg_ctl")} -D '{DataFolder}' -m immediate -w stop";
        return AsRoot ? $"/sbin/runuser -u postgres -- {pgCtl}" : pgCtl;
    }

    /// <summary>
    /// Stops the server and deletes the folder from a shell in a session of its own, not waited for: the test host
    /// is ended, with its process group, moments after its exit handlers start, before it could wait for both.
    /// </summary>
    private void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        Process.Start("/usr/bin/setsid", ["/bin/sh", "-c", $"{StopCommand()} >/dev/null 2>&1; rm -rf '{Folder}'"]);
    }

    /// <summary>
    /// The test host may be ended before its exit handler has deleted the folder (the cluster is stopped first):
    /// folders of earlier runs whose server is no longer running (no postmaster.pid) are deleted at the next start.
    /// </summary>
    private static void SweepLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "preventionstrategy-pg-*"))
        {
            var data = Path.Combine(folder, "data");
            if (Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-10) && !File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Another user's, or still in use: left alone.
                }
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<string> RunAsync(string program, string[] arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo(asPostgres && AsRoot ? "/sbin/runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        if (asPostgres && AsRoot)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }
}
