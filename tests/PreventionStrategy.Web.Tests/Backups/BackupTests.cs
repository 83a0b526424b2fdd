using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Features.Backups;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Backups;

/// <summary>Backups taken from the running site, restored into a new one.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string restoreFolder = Directory.CreateTempSubdirectory("preventionstrategy-restore-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempFolders.TryDelete(restoreFolder);
    }

    [Fact]
    public async Task A_backup_taken_while_the_site_writes_holds_every_change_acknowledged_before_it_and_restores_into_a_working_site()
    {
        await using var site = new SiteFactory();
        _ = site.Server;
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await using var db = site.CreateDbContext();
                db.Stakeholders.Add(new Stakeholder { Kind = StakeholderKind.Person, Name = $"Skrevet {n}", Email = $"skrevet-{n}@norddjurs.test" });
                await db.SaveChangesAsync();
                acknowledged.Enqueue($"Skrevet {n}");
            }
        });

        while (acknowledged.Count < 30)
        {
            await Task.Delay(20);
        }

        var before = acknowledged.ToArray();
        string backup;
        using (var scope = site.Services.CreateScope())
        {
            backup = await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().BackUpToAsync(Path.Combine(restoreFolder, "site.db"), CancellationToken.None);
        }

        var countAtBackup = acknowledged.Count;
        while (acknowledged.Count < countAtBackup + 30)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await writer;

        Assert.Equal(Path.Combine(restoreFolder, "site.db"), backup);
        Assert.False(File.Exists(backup + ".partial"));
        Assert.False(File.Exists(backup + "-wal"));
        await using (var check = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False"))
        {
            await check.OpenAsync();
            await using var integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", await integrity.ExecuteScalarAsync());
        }

        // Restored: a new site started on the copy.
        await using var restored = new SiteFactory(restoreFolder);
        await using (var db = restored.CreateDbContext())
        {
            var names = (await db.Stakeholders.Where(s => s.Name.StartsWith("Skrevet ")).Select(s => s.Name).ToListAsync()).ToHashSet();
            Assert.All(before, name => Assert.Contains(name, names));

            // Nothing from after the backup ended, nothing half-written.
            Assert.True(names.Count <= countAtBackup, $"{names.Count} rows in a backup taken when {countAtBackup} were acknowledged.");
        }

        var client = await restored.SignedInClientAsync(DemoUsers.DepartmentHead);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Milestones")).StatusCode);
    }

    [Fact]
    public async Task The_scheduled_backup_keeps_the_configured_number_of_copies_newest_first()
    {
        var backups = Path.Combine(restoreFolder, "kopier");
        await using var site = new SiteFactory();
        site.Settings["Backups:Folder"] = backups;
        site.Settings["Backups:Keep"] = "2";
        _ = site.Server;

        var made = new List<string>();
        for (var day = 0; day < 3; day++)
        {
            site.Clock.Offset = TimeSpan.FromDays(day);
            using var scope = site.Services.CreateScope();
            made.Add(await scope.ServiceProvider.GetRequiredService<BackupJob>().RunAsync(CancellationToken.None));
        }

        Assert.Equal([made[2], made[1]], DatabaseBackup.Kept(backups));
        Assert.False(File.Exists(made[0]));
    }

    [Fact]
    public async Task The_backup_command_copies_the_database_the_site_is_configured_with_and_exits()
    {
        await using var site = new SiteFactory();
        _ = site.Server;
        var target = Path.Combine(restoreFolder, "kommando.db");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PreventionStrategy.Web.dll"), "backup", target])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={site.DatabasePath}";
        start.Environment["Site__PublicBaseUrl"] = "http://localhost";
        using var command = Process.Start(start)!;
        var output = command.StandardOutput.ReadToEndAsync();
        var errors = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();

        Assert.True(command.ExitCode == 0, await errors);
        // Its own line, wherever the console logger's lines (written from a queue of their own) fall around it.
        Assert.Contains(target, (await output).Split('\n').Select(line => line.Trim()));
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Milestones\";";
        Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
    }
}
