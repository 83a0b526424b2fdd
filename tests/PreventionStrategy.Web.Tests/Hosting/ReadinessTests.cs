using System.Net;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Hosting;

/// <summary><c>/health</c> says the process lives and can write; <c>/health/ready</c> also that it can serve this build's pages.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_database_behind_this_builds_schema_is_alive_but_not_ready_until_it_is_migrated()
    {
        await using var site = new SiteFactory();
        var client = site.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));

        // As if a backup from before the last release were put under the running site, migrations off.
        string last;
        await using (var db = site.CreateDbContext())
        {
            last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        }

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await using (var db = site.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({last}, '10.0.5')");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
