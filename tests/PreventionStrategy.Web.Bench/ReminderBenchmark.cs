// Sends N reminders (one theme day, one invited unit of N people) through a real SMTP server on
// loopback (Debian's aiosmtpd, the tests' loopback_smtp.py) and prints messages per second and
// connections opened. Usage: dotnet run -c Release --project tests/PreventionStrategy.Web.Bench -- --reminders 2000
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Reminders;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Bench;

internal static class ReminderBenchmark
{
    public static async Task RunAsync(int recipients, string siteFolder)
    {
        var folder = Directory.CreateTempSubdirectory("preventionstrategy-bench-mail-").FullName;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PREVENTIONSTRATEGY_WEB", siteFolder);
        var script = Path.Combine(siteFolder, "..", "..", "tests", "PreventionStrategy.Web.Tests", "Infrastructure", "loopback_smtp.py");
        using var smtp = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-u", script, "--out", Path.Combine(folder, "received")]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("python3 did not start");
        var port = int.Parse((await smtp.StandardOutput.ReadLineAsync())![5..], CultureInfo.InvariantCulture);

        await using var site = new BenchSite(Path.Combine(folder, "bench.db"));
        site.Settings["Email:Delivery"] = "Smtp";
        site.Settings["Email:SmtpHost"] = "127.0.0.1";
        site.Settings["Email:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture);
        site.Settings["Email:SmtpSecurity"] = "None";
        site.Settings["Jobs:ServerEnabled"] = "false";
        site.Settings["Reminders:SendFromHour"] = "0";
        _ = site.Server;

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unit = new Stakeholder { Kind = StakeholderKind.Unit, Name = "Bench-enheden" };
            db.Stakeholders.Add(unit);
            await db.SaveChangesAsync();
            db.Stakeholders.AddRange(Enumerable.Range(1, recipients).Select(i => new Stakeholder
            {
                Kind = StakeholderKind.Person,
                Name = $"Medarbejder {i}",
                Email = $"medarbejder{i}@bench.test",
                UnitId = unit.Id,
            }));
            var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
            db.Milestones.Add(new Milestone
            {
                StrategyId = await db.Strategies.Select(s => s.Id).FirstAsync(),
                Title = "Temadag for alle",
                Kind = MilestoneKind.ThemeDay,
                Timing = PlannedTiming.OnDay(tomorrow, new TimeOnly(9, 0), new TimeOnly(15, 0)),
                Location = "Auning Kulturcenter",
                Stakeholders = [new MilestoneStakeholder { StakeholderId = unit.Id, Role = StakeholderRole.Participant }],
            });
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores, {recipients} reminders to a loopback SMTP server (aiosmtpd)");
        using (var scope = site.Services.CreateScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<ReminderJob>();
            var planning = Stopwatch.StartNew();
            var planned = await job.PlanAsync(CancellationToken.None);
            planning.Stop();
            var sending = Stopwatch.StartNew();
            var report = await job.SendPendingAsync(CancellationToken.None);
            sending.Stop();

            var received = Directory.GetFiles(Path.Combine(folder, "received"), "*.eml").Length;
            var connections = File.ReadAllLines(Path.Combine(folder, "received", "events.log")).Count(l => l == "connect");
            Console.WriteLine($"planned {planned} in {planning.Elapsed.TotalMilliseconds:N0} ms");
            Console.WriteLine($"sent {report.Sent} (failed {report.Failed}, retrying {report.Retrying}) in {sending.Elapsed.TotalSeconds:N2} s: {report.Sent / sending.Elapsed.TotalSeconds:N0} messages/s");
            Console.WriteLine($"connections opened: {report.ConnectionsOpened} (server counted {connections}); messages received: {received}");
        }

        smtp.Kill();
        await smtp.WaitForExitAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
