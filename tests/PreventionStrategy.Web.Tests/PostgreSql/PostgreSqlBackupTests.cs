using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PreventionStrategy.Web.Features.Stakeholders;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.PostgreSql;

/// <summary>PostgreSQL is backed up with pg_dump and restored with pg_restore, as the README says, while the site writes.</summary>
public sealed class PostgreSqlBackupTests
{
    [Fact]
    public async Task A_dump_taken_while_the_site_writes_restores_every_change_acknowledged_before_it_began_and_the_restored_site_serves_its_pages()
    {
        var cluster = PostgreSqlCluster.Shared;
        await using var site = new SiteFactory(postgreSql: true);
        _ = site.Server;

        // A writer that records each stakeholder once its save has returned: an acknowledged change.
        var acknowledged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await using var db = site.CreateDbContext();
                var name = $"Skrevet under backup {i}";
                db.Stakeholders.Add(new Stakeholder { Kind = StakeholderKind.Person, Name = name, Email = $"backup-{i}@norddjurs.test" });
                await db.SaveChangesAsync();
                acknowledged.Enqueue(name);
            }
        });
        while (acknowledged.Count < 20)
        {
            await Task.Delay(20);
        }

        var beforeDump = acknowledged.ToList();
        var dump = Path.Combine(cluster.Folder, $"site-{Guid.NewGuid():N}.dump");
        await cluster.RunToolAsync("pg_dump", "--format=custom", "--file", dump, "--dbname", Database(site.ConnectionString));
        var duringDump = acknowledged.Count;
        await stop.CancelAsync();
        await writer;
        Assert.True(duringDump > beforeDump.Count, "The site wrote nothing while the dump ran; the test proves nothing then.");

        var restored = await cluster.CreateDatabaseAsync("restored");
        await cluster.RunToolAsync("pg_restore", "--no-owner", "--exit-on-error", "--dbname", Database(restored), dump);

        await using var restoredSite = new SiteFactory(restored, ownFolder: true);
        _ = restoredSite.Server;
        await using (var db = restoredSite.CreateDbContext())
        {
            var names = await db.Stakeholders.Where(s => s.Name.StartsWith("Skrevet under backup")).Select(s => s.Name).ToListAsync();
            Assert.All(beforeDump, name => Assert.Contains(name, names));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        var reader = await restoredSite.SignedInClientAsync(DemoUsers.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Stakeholders?q=" + Uri.EscapeDataString("skrevet under backup"))).StatusCode);
    }

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;
}
