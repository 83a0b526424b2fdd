using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.PageCache;

/// <summary>
/// The content version's triggers on PostgreSQL: one function, and on every tracked table a constraint trigger
/// deferred to the commit. Deferred, because the single version row is then locked only at the very end of a
/// transaction, after every other lock it takes: two writers on different tables cannot deadlock over it,
/// and the new version becomes visible in the same commit as the change. The function bumps the version once
/// per transaction (a transaction-local setting remembers it), not once per row of a bulk insert.
/// </summary>
internal static class PostgreSqlContentVersionTriggers
{
    private const string Function = "content_version_bump";

    /// <summary>Any number; it only keeps two servers starting at once from creating the same trigger twice.</summary>
    private const long StartLock = 0x636f6e74656e74;

    public static async Task EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({StartLock})", cancellationToken);

        var existing = (await db.Database
            .SqlQueryRaw<string>("SELECT c.relname || '/' || t.tgname AS \"Value\" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'content_version_%' AND c.relnamespace = current_schema()::regnamespace")
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        await db.Database.ExecuteSqlRawAsync($"""
            CREATE OR REPLACE FUNCTION "{Function}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF current_setting('preventionstrategy.content_version_bumped', true) = 'yes' THEN
                    RETURN NULL;
                END IF;
                PERFORM set_config('preventionstrategy.content_version_bumped', 'yes', true);
                UPDATE "ContentVersions" SET "Value" = "Value" + 1 WHERE "Id" = {ContentVersion.SingleRowId};
                RETURN NULL;
            END $$
            """, cancellationToken);

        foreach (var table in ContentVersionTriggers.TrackedTables(db))
        {
            var name = $"content_version_{table}";
            if (existing.Contains($"{table}/{name}"))
            {
                continue;
            }

            var operations = string.Join(" OR ", ContentVersionTriggers.Operations.GetValueOrDefault(table) ?? ["INSERT", "UPDATE", "DELETE"]);
#pragma warning disable EF1002 // table names from the model, not from input
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE CONSTRAINT TRIGGER \"{name}\" AFTER {operations} ON \"{table}\" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION \"{Function}\"()",
                cancellationToken);
#pragma warning restore EF1002
        }

        // A table that stopped being tracked loses its trigger.
        foreach (var stale in existing.Select(e => e.Split('/')).Where(e => ContentVersionTriggers.Untracked.Contains(e[0])))
        {
#pragma warning disable EF1002 // names read from pg_trigger, made by this class
            await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER IF EXISTS \"{stale[1]}\" ON \"{stale[0]}\"", cancellationToken);
#pragma warning restore EF1002
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
