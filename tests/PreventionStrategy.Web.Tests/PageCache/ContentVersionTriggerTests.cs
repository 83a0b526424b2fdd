using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Features.PageCache;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.PageCache;

public sealed class ContentVersionTriggerTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Every_table_pages_are_drawn_from_moves_the_content_version_on_insert_update_and_delete()
    {
        await using var db = site.CreateDbContext();
        var triggers = await db.Database
            .SqlQueryRaw<string>("SELECT \"name\" AS \"Value\" FROM \"sqlite_master\" WHERE \"type\" = 'trigger' AND \"name\" LIKE 'content_version_%'")
            .ToListAsync();

        var tables = ContentVersionTriggers.TrackedTables(db);
        Assert.Contains("Milestones", tables);
        Assert.Contains("AspNetUsers", tables);
        Assert.Contains("IndicatorValues", tables);
        Assert.DoesNotContain("DataProtectionKeys", tables);
        foreach (var table in tables.Where(t => t != "SignInSessions"))
        {
            Assert.All(new[] { "insert", "update", "delete" }, operation => Assert.Contains($"content_version_{table}_{operation}", triggers));
        }

        // A new sign-in changes no page; a renewed or ended one must reach every server's session cache.
        Assert.DoesNotContain("content_version_SignInSessions_insert", triggers);
        Assert.Contains("content_version_SignInSessions_update", triggers);
        Assert.Contains("content_version_SignInSessions_delete", triggers);
    }

    [Fact]
    public async Task A_write_moves_the_version_and_a_read_does_not()
    {
        await using var db = site.CreateDbContext();
        var before = await db.ContentVersions.Select(v => v.Value).SingleAsync();
        await db.Milestones.CountAsync();
        Assert.Equal(before, await db.ContentVersions.Select(v => v.Value).SingleAsync());

        await db.Stakeholders.Where(s => s.Id == site.Ids.Stakeholder).ExecuteUpdateAsync(set => set.SetProperty(s => s.Name, s => s.Name));
        Assert.True(await db.ContentVersions.Select(v => v.Value).SingleAsync() > before);
    }
}
