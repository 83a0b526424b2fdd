// Throughput of the main pages with the Norddjurs plan grown N times, served by Kestrel on
// loopback and loaded by concurrent signed-in clients in the same process.
// Usage: dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- [--factor 50] [--seconds 10] [--clients 16]
//        dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- --reminders 2000   (see ReminderBenchmark)
//        dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- --briefings        (see BriefingBenchmark)
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Demo;


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

        var factor = Option("--factor", 50);
        var seconds = Option("--seconds", 10);
        var clients = Option("--clients", 16);
        var folder = Directory.CreateTempSubdirectory("preventionstrategy-bench-").FullName;

        // Outside a test project WebApplicationFactory cannot guess the site's folder; tell it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PREVENTIONSTRATEGY_WEB", SiteFolder());

        await using var site = new BenchSite(Path.Combine(folder, "bench.db"));
        site.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        var root = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        int strategyId, milestoneId, focusAreaId, milestones, indicatorId, indicators;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            strategyId = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            await new PlanMultiplier(db).MultiplyAsync(strategyId, factor);
            milestoneId = await db.Milestones.OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync();
            focusAreaId = await db.FocusAreas.Where(f => f.StrategyId == strategyId).Select(f => f.Id).FirstAsync();
            milestones = await db.Milestones.CountAsync(m => m.StrategyId == strategyId);
            indicatorId = await db.Indicators.Where(i => i.StrategyId == strategyId).OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync();
            indicators = await db.Indicators.CountAsync(i => i.StrategyId == strategyId);
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores, {factor}x the Norddjurs plan ({milestones} milestones, {indicators} indicators), {clients} clients, {seconds} s per page");
        Console.WriteLine($"{"page",-40} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"KiB",6}");

        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = clients })
        {
            BaseAddress = new Uri(root),
        };
        await SignInAsync(http);

        string[] pages =
        [
            $"/Plans/Dashboard/{strategyId}",
            $"/Milestones?strategyId={strategyId}",
            $"/Milestones/Details/{milestoneId}",
            $"/FocusAreas/Details/{focusAreaId}",
            $"/Timeline?strategyId={strategyId}",
            $"/Timeline?strategyId={strategyId}&zoom=Month",
            $"/Timeline?strategyId={strategyId}&zoom=Year",
            $"/Calendar?strategyId={strategyId}&year=2025&month=3",
            $"/Indicators?strategyId={strategyId}",
            $"/Indicators/Details/{indicatorId}",
            "/",
        ];
        var only = Environment.GetEnvironmentVariable("BENCH_PAGES");
        if (!string.IsNullOrEmpty(only))
        {
            pages = pages.Where(p => only.Split(',').Any(p.Contains)).ToArray();
        }
        foreach (var page in pages)
        {
            await RunAsync(http, page, TimeSpan.FromSeconds(2)); // warm-up: JIT and caches
            var (rate, p50, p99, size) = await RunAsync(http, page, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"{page,-40} {rate,10:N0} {p50,8:N2} {p99,8:N2} {size / 1024,6:N0}");
        }

        Directory.Delete(folder, recursive: true);

        async Task<(double Rate, double P50, double P99, long Size)> RunAsync(HttpClient client, string url, TimeSpan duration)
        {
            var stop = Stopwatch.StartNew();
            var latencies = new List<double>[clients];
            long size = 0;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
            {
                var mine = latencies[worker] = [];
                while (stop.Elapsed < duration)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(url);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"{url} gave {(int)response.StatusCode}");
                    }

                    Interlocked.Exchange(ref size, body.Length);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }));
            var all = latencies.SelectMany(l => l).Order().ToList();
            return (all.Count / stop.Elapsed.TotalSeconds, all[all.Count / 2], all[(int)(all.Count * 0.99)], size);
        }

        static async Task SignInAsync(HttpClient client)
        {
            var login = await client.GetStringAsync("/Identity/Account/Login");
            var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "leder@demo.local",
                ["Input.Password"] = DemoSeeder.Password,
                ["__RequestVerificationToken"] = token,
            }));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException("Sign-in failed");
            }
        }

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
