using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Hosting;

/// <summary>Start-up migrates only when a migration is due, and then to the latest one.</summary>
public sealed class StartUpMigrationTests
{
    [Fact]
    public async Task A_site_started_on_a_database_left_at_an_older_migration_brings_it_up_to_date_and_serves_its_pages()
    {
        var folder = Directory.CreateTempSubdirectory("preventionstrategy-older-").FullName;
        try
        {
            string[] all;
            await using (var db = new SiteFactory(folder).CreateDbContext())
            {
                all = db.Database.GetMigrations().ToArray();
                Assert.True(all.Length > 3);

                // As an installation from before the last three releases left it.
                await db.GetService<IMigrator>().MigrateAsync(all[^4]);
                Assert.Equal(3, (await db.Database.GetPendingMigrationsAsync()).Count());
            }

            await using (var site = new SiteFactory(folder))
            {
                var client = await site.SignedInClientAsync(DemoUsers.DepartmentHead);
                var dashboard = await client.GetAsync("/Milestones");
                Assert.Equal(System.Net.HttpStatusCode.OK, dashboard.StatusCode);

                await using var db = site.CreateDbContext();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
