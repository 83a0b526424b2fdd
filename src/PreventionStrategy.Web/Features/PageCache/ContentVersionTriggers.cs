using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.PageCache;

/// <summary>
/// Puts an insert, update and delete trigger on every table of the model that pages are drawn from,
/// each bumping <see cref="ContentVersion"/>. Made from the model at start-up rather than in a
/// migration, so a table added later is covered without anyone remembering to.
/// </summary>
public static class ContentVersionTriggers
{
    /// <summary>
    /// Written on requests that change no page: sign-in sessions renew as people browse, the key
    /// ring only signs cookies, and the audit trail gets a row on every sign-in and every page
    /// opened through a share link while only the audit page, which is never cached, reads it.
    /// </summary>
    public static readonly IReadOnlySet<string> Untracked = new HashSet<string>(StringComparer.Ordinal)
    {
        "ContentVersions", "DataProtectionKeys", "AuditEntries",
    };

    /// <summary>
    /// A new sign-in changes nothing anyone else sees; a renewed or ended one must reach the
    /// session cache of every server (<see cref="Identity.Sessions.SignInSessionStore"/>).
    /// </summary>
    internal static readonly Dictionary<string, string[]> Operations = new(StringComparer.Ordinal)
    {
        ["SignInSessions"] = ["UPDATE", "DELETE"],
    };

    public static IReadOnlyList<string> TrackedTables(AppDbContext db) =>
        db.Model.GetEntityTypes()
            .Select(entity => entity.GetTableName())
            .OfType<string>()
            .Where(table => !Untracked.Contains(table))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsPostgreSql())
        {
            await PostgreSqlContentVersionTriggers.EnsureAsync(db, cancellationToken);
            return;
        }

        if (!db.Database.IsSqlite())
        {
            return;
        }

        // One read of what exists, and the missing ones in one transaction: each statement on its own
        // would be a commit with its own flush to disk, seconds at start-up for a hundred and fifty.
        var existing = (await db.Database
            .SqlQueryRaw<string>("SELECT \"name\" AS \"Value\" FROM \"sqlite_master\" WHERE \"type\" = 'trigger'")
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // A table that stopped being tracked loses its triggers (databases made before it was untracked still have them).
        var stale = existing.Where(name => Untracked.Any(table => name.StartsWith($"content_version_{table}_", StringComparison.Ordinal))).ToList();
        var missing = (
            from table in TrackedTables(db)
            from operation in Operations.GetValueOrDefault(table) ?? ["INSERT", "UPDATE", "DELETE"]
            let name = $"content_version_{table}_{operation.ToLowerInvariant()}"
            where !existing.Contains(name)
            select (table, operation, name)).ToList();
        if (missing.Count == 0 && stale.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (table, operation, name) in missing)
        {
            // Identifiers come from the model, not from input; the quotes keep odd names valid.
            var sql = $"""
                CREATE TRIGGER IF NOT EXISTS "{name}"
                AFTER {operation} ON "{table}"
                BEGIN UPDATE "ContentVersions" SET "Value" = "Value" + 1 WHERE "Id" = {ContentVersion.SingleRowId}; END;
                """;
#pragma warning disable EF1002 // table names from the model, see above
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
#pragma warning restore EF1002
        }

        foreach (var name in stale)
        {
#pragma warning disable EF1002 // trigger names read from sqlite_master, made by this class
            await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER IF EXISTS \"{name}\"", cancellationToken);
#pragma warning restore EF1002
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
