using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>Every table's row count and a hash of its rows: two snapshots are equal exactly when no row was added, removed or changed.</summary>
public sealed class DatabaseSnapshot
{
    private const char CellEnd = '\u001f';

    /// <summary>Logs that only grow (the audit trail holds every saved value, 10,000-character ones too): their count and last row say whether anything was added. Each has an EntityType column.</summary>
    private static readonly HashSet<string> AppendOnly = ["AuditEntries"];

    private readonly SortedDictionary<string, (long Rows, string Hash)> tables;

    private readonly Dictionary<string, HashSet<string>> rows;

    private DatabaseSnapshot(SortedDictionary<string, (long Rows, string Hash)> tables, Dictionary<string, HashSet<string>> rows)
    {
        this.tables = tables;
        this.rows = rows;
    }

    public static async Task<DatabaseSnapshot> TakeAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            // ContentVersions is a counter the triggers move on every write, the audit entry of a refusal too: it holds no data of its own.
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'ContentVersions' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        var rows = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (AppendOnly.Contains(name))
            {
                await using var tail = connection.CreateCommand();
                // Security events (a refused request, a failed sign-in) are the site doing its job, not a change of data.
                tail.CommandText = $"SELECT count(*), coalesce(max(rowid), 0) FROM \"{name}\" WHERE \"EntityType\" <> 'Security'";
                await using var end = await tail.ExecuteReaderAsync();
                await end.ReadAsync();
                tables[name] = (end.GetInt64(0), end.GetInt64(1).ToString(CultureInfo.InvariantCulture));
                continue;
            }

            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var texts = rows[name] = new HashSet<string>(StringComparer.Ordinal);
            long count = 0;
            var row = new StringBuilder();
            while (await reader.ReadAsync())
            {
                count++;
                row.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(Cell(reader.GetValue(i))).Append(CellEnd);
                }

                var text = row.ToString();
                texts.Add(text);
                hash.AppendData(Encoding.UTF8.GetBytes(text + "\u001e"));
            }

            tables[name] = (count, Convert.ToHexString(hash.GetHashAndReset()));
        }

        return new DatabaseSnapshot(tables, rows);
    }

    /// <summary>The tables whose rows differ, with their row counts before and after.</summary>
    public IReadOnlyList<string> Differences(DatabaseSnapshot after) =>
        tables.Keys.Union(after.tables.Keys)
            .Where(name => !tables.TryGetValue(name, out var before) || !after.tables.TryGetValue(name, out var now) || before != now)
            .Select(name => $"{name} ({Count(this, name)} → {Count(after, name)} rows)")
            .ToList();

    /// <summary>Every cell of the rows that are new or changed in <paramref name="after"/>: what a save wrote.</summary>
    public IEnumerable<string> WrittenCells(DatabaseSnapshot after) =>
        after.rows.SelectMany(table => table.Value
            .Where(row => !rows.TryGetValue(table.Key, out var before) || !before.Contains(row))
            .SelectMany(row => row.Split(CellEnd)));

    private static string Count(DatabaseSnapshot snapshot, string name) =>
        snapshot.tables.TryGetValue(name, out var table) ? table.Rows.ToString(CultureInfo.InvariantCulture) : "missing";

    private static string Cell(object value) => value switch
    {
        DBNull => "\u0000",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
