// The measurements that run inside one process, and the database bench/pages.sh loads with wrk.
// Usage: dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- --prepare /tmp/bench.db --factor 50 (see PreparedDatabase)
//        dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- --reminders 2000   (see ReminderBenchmark)
//        dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- --briefings        (see BriefingBenchmark)
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;


namespace PreventionStrategy.Web.Bench;

internal static class Benchmark
{
    public static async Task Main(string[] args)
    {
        if (args.Contains("--briefings"))
        {
            await BriefingBenchmark.RunAsync(SiteFolder());
            return;
        }

        if (args.Contains("--prepare"))
        {
            await PreparedDatabase.RunAsync(args[Array.IndexOf(args, "--prepare") + 1], Option("--factor", 50), SiteFolder());
            return;
        }

        if (args.Contains("--reminders"))
        {
            await ReminderBenchmark.RunAsync(Option("--reminders", 2000), SiteFolder());
            return;
        }

        Console.Error.WriteLine("Usage: --prepare <database file> [--factor 50] | --reminders <people> | --briefings. The pages are loaded by bench/pages.sh.");
        Environment.ExitCode = 2;

        int Option(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
        }
    }

    public static string SiteFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PreventionStrategy.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository."), "src", "PreventionStrategy.Web");
    }
}

/// <summary>The site on its embedded defaults with the demo, logging only warnings so the console is not the bottleneck.</summary>
internal sealed class BenchSite(string databasePath) : WebApplicationFactory<Program>
{
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
        builder.UseSetting("Demo:Enabled", "true");

        // Plain HTTP on loopback with the demo's password-only logins, as the demo runs; the security
        // settings' own defaults (HTTPS, two factors for editors) would refuse the bench's sign-in.
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("Security:RequireTwoFactorForEditors", "false");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(Path.GetDirectoryName(databasePath)!, "mail"));
        builder.UseSetting("Logging:LogLevel:Default", Environment.GetEnvironmentVariable("BENCH_LOG") ?? "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", Environment.GetEnvironmentVariable("BENCH_LOG") ?? "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
