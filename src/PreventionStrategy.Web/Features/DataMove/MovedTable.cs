using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PreventionStrategy.Web.Features.DataMove;

/// <summary>
/// One table of the model as both providers store it: its columns with each provider's type mapping, so a value
/// read from SQLite becomes the model's value (a DateTime, an enum, a Guid) and is written as PostgreSQL stores it.
/// </summary>
internal sealed class MovedTable
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    private MovedTable(string name, List<MovedColumn> columns, IReadOnlyList<string> principals)
    {
        Name = name;
        Columns = columns;
        Principals = principals;
    }

    public string Name { get; }

    public List<MovedColumn> Columns { get; }

    /// <summary>Tables this one's foreign keys point at (itself included).</summary>
    public IReadOnlyList<string> Principals { get; }

    public string Select => $"SELECT {string.Join(", ", Columns.Select(c => Quote(c.Name)))} FROM {Quote(Name)}";

    public static IReadOnlyList<MovedTable> All(IModel source, IModel target) =>
        source.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .GroupBy(e => e.GetTableName()!)
            .Select(table => For(table.Key, table.ToList(), target))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>The model's value of a column in the current row, read with this provider's mapping.</summary>
    public static object? Read(DbDataReader reader, int ordinal, RelationalTypeMapping mapping)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        var stored = GetFieldValue.MakeGenericMethod(providerType).Invoke(reader, [ordinal]);
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }

    /// <summary>
    /// A value as the checksum sees it. Instants and times to the microsecond: PostgreSQL keeps no finer digits,
    /// so the tenths of a microsecond SQLite may hold are the one thing the move does not carry (and nothing the site shows).
    /// </summary>
    public static string Canonical(object? value) => value switch
    {
        null => "\u2205",
        DateTime instant => (instant.Ticks / 10).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset instant => (instant.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        TimeOnly time => (time.Ticks / 10).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Row count and a checksum that does not depend on row order (each provider sorts text its own way).</summary>
    public static async Task<(long Rows, string Checksum)> ChecksumAsync(DbConnection connection, DbTransaction? transaction, MovedTable table, Func<MovedColumn, RelationalTypeMapping> mapping, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.Select;
        command.CommandTimeout = 0;
        var rowHashes = new List<byte[]>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var line = new StringBuilder();
            while (await reader.ReadAsync(cancellationToken))
            {
                line.Clear();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    line.Append(Canonical(Read(reader, i, mapping(table.Columns[i])))).Append('\u001f');
                }

                rowHashes.Add(SHA256.HashData(Encoding.UTF8.GetBytes(line.ToString())));
            }
        }

        rowHashes.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var hash in rowHashes)
        {
            all.AppendData(hash);
        }

        return (rowHashes.Count, Convert.ToHexStringLower(all.GetHashAndReset())[..16]);
    }

    private static MovedTable For(string name, IReadOnlyList<IEntityType> entities, IModel target)
    {
        var store = StoreObjectIdentifier.Table(name);
        var columns = new List<MovedColumn>();
        foreach (var property in entities.SelectMany(e => e.GetProperties()))
        {
            var column = property.GetColumnName(store);
            if (column is null || columns.Any(c => c.Name == column))
            {
                continue;
            }

            var targetProperty = target.FindEntityType(property.DeclaringType.Name) is { } targetEntity
                ? targetEntity.FindProperty(property.Name)
                : target.GetEntityTypes().SelectMany(e => e.GetProperties()).FirstOrDefault(p => p.DeclaringType.Name == property.DeclaringType.Name && p.Name == property.Name);
            if (targetProperty is null)
            {
                throw new InvalidOperationException($"{name}.{column} has no counterpart in the PostgreSQL model.");
            }

            var foreignKey = property.GetContainingForeignKeys().FirstOrDefault(fk => !fk.IsOwnership && fk.PrincipalEntityType.GetTableName() is not null);
            columns.Add(new MovedColumn(
                column,
                property.GetRelationalTypeMapping(),
                targetProperty.GetRelationalTypeMapping(),
                property.IsNullable,
                foreignKey?.PrincipalEntityType.GetTableName(),
                property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType is var t && (t == typeof(int) || t == typeof(long))));
        }

        var principals = columns.Select(c => c.PrincipalTable).OfType<string>().Distinct().ToList();
        return new MovedTable(name, columns, principals);
    }
}

/// <param name="PrincipalTable">The table a foreign key in this column points at, if any.</param>
/// <param name="IsIdentity">A generated integer key: PostgreSQL's identity sequence must continue after the moved rows.</param>
internal sealed record MovedColumn(string Name, RelationalTypeMapping Source, RelationalTypeMapping Target, bool IsNullable, string? PrincipalTable, bool IsIdentity);
