using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.PageCache;

namespace PreventionStrategy.Web.Features.DataMove;

/// <summary>
/// Copies every table of the model from the site's SQLite database into an empty PostgreSQL database (migrated
/// here first), in one transaction, then compares row counts and a checksum per table on both sides.
/// The content version is the exception: a counter for the page cache, not data; the target keeps its own.
/// </summary>
public sealed class SqliteToPostgreSql(string sqliteConnectionString, string postgreSqlConnectionString, TextWriter output)
{
    private static readonly HashSet<string> NotMoved = new(StringComparer.Ordinal) { "ContentVersions" };

    public sealed record TableResult(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
    {
        public bool Matches => SourceRows == TargetRows && SourceChecksum == TargetChecksum;
    }

    /// <returns>Null when the move was refused (the reason written to <paramref name="output"/>); otherwise the verification, table by table.</returns>
    public async Task<IReadOnlyList<TableResult>?> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var source = Context(DatabaseProvider.Sqlite, sqliteConnectionString);
        await using var target = Context(DatabaseProvider.PostgreSql, postgreSqlConnectionString);

        var pendingSource = (await source.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pendingSource.Count > 0)
        {
            await output.WriteLineAsync($"Refused: the SQLite database lacks {pendingSource.Count} migration(s) (the first {pendingSource[0]}). Start the site once on it (it migrates on start), then move.");
            return null;
        }

        await DatabaseSetup.PrepareAsync(target, cancellationToken);
        var tables = Ordered(MovedTable.All(source.Model, target.Model).Where(t => !NotMoved.Contains(t.Name)).ToList());

        var targetConnection = (NpgsqlConnection)target.Database.GetDbConnection();
        await targetConnection.OpenAsync(cancellationToken);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {MovedTable.Quote(table.Name)})", targetConnection);
            if ((bool)(await count.ExecuteScalarAsync(cancellationToken))!)
            {
                await output.WriteLineAsync($"Refused: the PostgreSQL database is not empty (table {table.Name} has rows). Move into a new, empty database; nothing was written.");
                return null;
            }
        }

        var sourceConnection = (SqliteConnection)source.Database.GetDbConnection();
        await sourceConnection.OpenAsync(cancellationToken);

        // One read transaction on SQLite (a consistent snapshot while the site may still run) and one write transaction on PostgreSQL.
        await using var reading = await sourceConnection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        await using (var writing = await targetConnection.BeginTransactionAsync(cancellationToken))
        {
            var deferred = DeferredColumns(tables);
            foreach (var table in tables)
            {
                var rows = await CopyAsync(table, deferred.GetValueOrDefault(table.Name) ?? [], sourceConnection, (SqliteTransaction)reading, targetConnection, writing, cancellationToken);
                await output.WriteLineAsync($"copied {table.Name}: {rows} rows");
            }

            foreach (var table in tables)
            {
                foreach (var identity in table.Columns.Where(c => c.IsIdentity))
                {
                    // The identity sequence continues after the moved ids, so the next insert does not collide.
                    await using var restart = new NpgsqlCommand(
                        $"SELECT setval(pg_get_serial_sequence('{MovedTable.Quote(table.Name)}', '{identity.Name}'), COALESCE(MAX({MovedTable.Quote(identity.Name)}), 0) + 1, false) FROM {MovedTable.Quote(table.Name)}",
                        targetConnection,
                        writing);
                    await restart.ExecuteScalarAsync(cancellationToken);
                }
            }

            await writing.CommitAsync(cancellationToken);
        }

        await ContentVersionTriggers.EnsureAsync(target, cancellationToken);

        var results = new List<TableResult>();
        foreach (var table in tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var (sourceRows, sourceChecksum) = await MovedTable.ChecksumAsync(sourceConnection, reading, table, c => c.Source, cancellationToken);
            var (targetRows, targetChecksum) = await MovedTable.ChecksumAsync(targetConnection, null, table, c => c.Target, cancellationToken);
            results.Add(new TableResult(table.Name, sourceRows, targetRows, sourceChecksum, targetChecksum));
        }

        return results;
    }

    private static AppDbContext Context(string provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.Use(provider, connectionString, commandTimeoutSeconds: 600);
        return new AppDbContext(options.Options);
    }

    /// <summary>Principals before dependents; where foreign keys go round in a circle (or to the table itself), those columns are filled in afterwards.</summary>
    private static List<MovedTable> Ordered(List<MovedTable> tables)
    {
        var ordered = new List<MovedTable>();
        var left = tables.ToList();
        while (left.Count > 0)
        {
            var ready = left.Where(t => t.Principals.All(p => p == t.Name || ordered.Any(o => o.Name == p) || left.All(l => l.Name != p))).ToList();
            if (ready.Count == 0)
            {
                // A circle: take the table whose outstanding keys can all wait (nullable); DeferredColumns fills them in later.
                ready = [left.First(t => t.Columns.Where(c => c.PrincipalTable is { } p && p != t.Name && left.Any(l => l.Name == p)).All(c => c.IsNullable))];
            }

            ordered.AddRange(ready);
            left.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    /// <summary>Foreign-key columns whose row may not exist yet when the row is inserted: null at first, set once every table is copied.</summary>
    private static Dictionary<string, List<MovedColumn>> DeferredColumns(List<MovedTable> ordered)
    {
        var deferred = new Dictionary<string, List<MovedColumn>>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var earlier = ordered.Take(i).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            var table = ordered[i];
            var late = table.Columns.Where(c => c.PrincipalTable is { } p && c.IsNullable && (p == table.Name || (!earlier.Contains(p) && ordered.Any(o => o.Name == p)))).ToList();
            if (late.Count > 0)
            {
                deferred[table.Name] = late;
            }
        }

        return deferred;
    }

    private static async Task<long> CopyAsync(MovedTable table, List<MovedColumn> deferred, SqliteConnection source, SqliteTransaction reading, NpgsqlConnection target, NpgsqlTransaction writing, CancellationToken cancellationToken)
    {
        var insert = $"INSERT INTO {MovedTable.Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => MovedTable.Quote(c.Name)))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
        var primaryKey = await PrimaryKeyAsync(target, writing, table.Name, cancellationToken);
        var later = new List<object?[]>();

        await using var read = source.CreateCommand();
        read.Transaction = reading;
        read.CommandText = table.Select;
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        var batch = new NpgsqlBatch(target, writing);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = MovedTable.Read(reader, i, table.Columns[i].Source);
            }

            var command = new NpgsqlBatchCommand(insert);
            for (var i = 0; i < values.Length; i++)
            {
                var column = table.Columns[i];
                var value = deferred.Contains(column) ? null : values[i];
                command.Parameters.Add((NpgsqlParameter)column.Target.CreateParameter(new NpgsqlCommand(), $"p{i}", value, column.IsNullable));
            }

            batch.BatchCommands.Add(command);
            if (deferred.Count > 0 && deferred.Any(c => values[table.Columns.IndexOf(c)] is not null))
            {
                later.Add(values);
            }

            rows++;
            if (batch.BatchCommands.Count == 500)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
                await batch.DisposeAsync();
                batch = new NpgsqlBatch(target, writing);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await batch.DisposeAsync();

        foreach (var values in later)
        {
            var sets = deferred.Select((c, i) => $"{MovedTable.Quote(c.Name)} = @d{i}");
            var where = primaryKey.Select((k, i) => $"{MovedTable.Quote(k)} = @k{i}");
            await using var update = new NpgsqlCommand($"UPDATE {MovedTable.Quote(table.Name)} SET {string.Join(", ", sets)} WHERE {string.Join(" AND ", where)}", target, writing);
            for (var i = 0; i < deferred.Count; i++)
            {
                update.Parameters.Add((NpgsqlParameter)deferred[i].Target.CreateParameter(update, $"d{i}", values[table.Columns.IndexOf(deferred[i])], true));
            }

            for (var i = 0; i < primaryKey.Count; i++)
            {
                var column = table.Columns.First(c => c.Name == primaryKey[i]);
                update.Parameters.Add((NpgsqlParameter)column.Target.CreateParameter(update, $"k{i}", values[table.Columns.IndexOf(column)], false));
            }

            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return rows;
    }

    private static async Task<List<string>> PrimaryKeyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = @table::regclass AND i.indisprimary",
            connection,
            transaction);
        command.Parameters.AddWithValue("table", MovedTable.Quote(table));
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
