using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.PageCache;
using PreventionStrategy.Web.Features.Plans.Transfer;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.PostgreSql;

/// <summary>
/// The site on PostgreSQL (a throwaway cluster from Debian's package, <see cref="PostgreSqlCluster"/>): the schema from
/// its own migrations, the plan, conflicts and the audit trail as on SQLite. Run alone: --filter "FullyQualifiedName~PostgreSql".
/// </summary>
public sealed class PostgreSqlSiteTests : IAsyncLifetime
{
    private readonly SiteFactory site = new(postgreSql: true);

    public Task InitializeAsync()
    {
        _ = site.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Migrations_from_an_empty_database_leave_nothing_pending_and_every_page_table_has_its_content_version_trigger()
    {
        await using var db = site.CreateDbContext();
        Assert.True(db.Database.IsPostgreSql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.All(await db.Database.GetAppliedMigrationsAsync(), id => Assert.EndsWith("PostgreSql", id));

        var triggers = await db.Database
            .SqlQueryRaw<string>("SELECT c.relname AS \"Value\" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'content_version_%'")
            .ToListAsync();
        Assert.Equal(ContentVersionTriggers.TrackedTables(db), triggers.Order(StringComparer.Ordinal));

        var client = site.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_write_moves_the_content_version_once_per_transaction_and_only_at_its_commit()
    {
        await using var db = site.CreateDbContext();
        var before = await VersionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Milestones\" SET \"Location\" = 'Auning' WHERE \"Id\" IN (SELECT \"Id\" FROM \"Milestones\" ORDER BY \"Id\" LIMIT 3)");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Stakeholders\" SET \"Description\" = 'x' WHERE \"Id\" IN (SELECT \"Id\" FROM \"Stakeholders\" ORDER BY \"Id\" LIMIT 3)");

            // Another connection does not see the new version before the change itself is committed.
            Assert.Equal(before, await VersionAsync());
            await transaction.CommitAsync();
        }

        Assert.Equal(before + 1, await VersionAsync());

        async Task<long> VersionAsync()
        {
            await using var other = site.CreateDbContext();
            return await other.ContentVersions.Select(v => v.Value).SingleAsync();
        }
    }

    [Fact]
    public async Task The_plan_exported_from_PostgreSQL_is_byte_identical_to_the_one_exported_from_SQLite()
    {
        await using var sqlite = new SiteFactory(postgreSql: false);
        var fromSqlite = await ExportFirstStrategyAsync(sqlite);
        var fromPostgreSql = await ExportFirstStrategyAsync(site);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(fromSqlite), System.Text.Encoding.UTF8.GetString(fromPostgreSql));
        Assert.Contains("Børne- og Familieområdet", System.Text.Encoding.UTF8.GetString(fromPostgreSql));

        static async Task<byte[]> ExportFirstStrategyAsync(SiteFactory factory)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var strategy = await db.Strategies.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            using var output = new MemoryStream();
            Assert.True(await scope.ServiceProvider.GetRequiredService<PlanExporter>().WriteJsonAsync(strategy, output));
            return output.ToArray();
        }
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_keeps_its_input()
    {
        var first = await site.SignedInClientAsync(DemoUsers.Administrator);
        var second = await site.SignedInClientAsync(DemoUsers.Administrator);
        await using var db = site.CreateDbContext();
        var milestone = await db.Milestones.AsNoTracking().OrderBy(m => m.Id).Skip(1).FirstAsync();
        var url = $"/Milestones/Edit/{milestone.Id}";

        var secondForm = await second.GetDocumentAsync(url);
        var firstSave = await first.SubmitAsync(url, new Dictionary<string, string> { ["Input.Location"] = "Rådhuset, Grenaa" });
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        var secondSave = await second.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Version"] = secondForm.QuerySelector("#Input_Version")!.GetAttribute("value")!,
            ["Input.Title"] = "Min titel, som ikke må gå tabt",
            ["Input.Location"] = "Kulturhuset",
        });

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = await secondSave.ParseAsync();
        Assert.Contains("En anden har gemt ændringer, mens du redigerede.", string.Join(" ", page.ErrorMessages()));
        Assert.Equal("Min titel, som ikke må gå tabt", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        var current = await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == milestone.Id);
        Assert.Equal("Rådhuset, Grenaa", current.Location);
        Assert.Equal(milestone.Title, current.Title);
    }

    [Fact]
    public async Task A_status_update_is_in_the_audit_trail_with_old_and_new_values_and_found_by_a_search_with_Danish_capitals()
    {
        await using var db = site.CreateDbContext();
        var milestone = await db.Milestones.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
        var editor = await site.SignedInClientAsync(DemoUsers.Administrator);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var saved = await editor.SubmitAsync($"/Milestones/Edit/{milestone.Id}", new Dictionary<string, string> { ["Input.Title"] = "Økonomisk opfølgning på Ærø" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var entry = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Milestone) && e.EntityId == milestone.Id.ToString() && e.Action == AuditAction.Updated)
            .OrderByDescending(e => e.Id).FirstAsync();
        Assert.True(entry.AtUtc >= before && entry.AtUtc.Kind == DateTimeKind.Utc, $"{entry.AtUtc:O} ({entry.AtUtc.Kind})");
        Assert.Contains(milestone.Title, entry.Changes);
        Assert.Contains("Økonomisk opfølgning på Ærø", entry.Changes);
        Assert.Equal("Anne Administrator", entry.UserName);

        var audit = await editor.GetDocumentAsync("/Audit?q=" + Uri.EscapeDataString("økonomisk opfølgning"));
        Assert.Contains("Økonomisk opfølgning på Ærø", audit.QuerySelector("main")!.TextContent);
    }
}
