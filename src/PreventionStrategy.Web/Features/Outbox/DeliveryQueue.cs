using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>
/// Records deliveries before anything is sent. The unique key makes it idempotent: a delivery
/// planned twice (the job run twice, or on two servers at once) is stored once.
/// </summary>
/// <remarks>
/// Each row is written with <c>INSERT … ON CONFLICT ("Key") DO NOTHING</c> (SQLite and PostgreSQL
/// alike), so a key the other run stored first is simply not inserted. That is the guarantee
/// working, not a fault: it costs one line at information level, not an exception per key.
/// </remarks>
public sealed class DeliveryQueue(AppDbContext db, ILogger<DeliveryQueue> logger)
{
    /// <returns>How many were new.</returns>
    public async Task<int> AddAsync(IReadOnlyCollection<Delivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return 0;
        }

        var unique = deliveries.DistinctBy(d => d.Key).ToList();
        var keys = unique.Select(d => d.Key).ToList();
        var existing = (await db.Deliveries.Where(d => keys.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken)).ToHashSet();
        var fresh = unique.Where(d => !existing.Contains(d.Key)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var added = 0;
        using var insert = InsertStatement.For(db);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var delivery in fresh)
            {
                added += await db.Database.ExecuteSqlRawAsync(insert.Sql, insert.Parameters(delivery), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (added < fresh.Count)
        {
            logger.LogInformation("{Taken} of {Planned} deliveries were planned by another run at the same moment; that run's rows will be sent", fresh.Count - added, fresh.Count);
        }

        return added;
    }

    /// <summary>The INSERT for every mapped column but the id, with each value converted as EF Core would store it.</summary>
    private sealed class InsertStatement : IDisposable
    {
        private readonly IReadOnlyList<IProperty> properties;
        private readonly DbCommand prototype;

        private InsertStatement(IReadOnlyList<IProperty> properties, string sql, DbCommand prototype)
        {
            this.properties = properties;
            this.prototype = prototype;
            Sql = sql;
        }

        public string Sql { get; }

        public static InsertStatement For(AppDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(Delivery))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
            var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""))}) "
                + $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))}) "
                + $"ON CONFLICT (\"{entity.FindProperty(nameof(Delivery.Key))!.GetColumnName(table)}\") DO NOTHING";
            return new InsertStatement(properties, sql, db.Database.GetDbConnection().CreateCommand());
        }

        public object[] Parameters(Delivery delivery) => properties
            .Select((property, i) => (object)property.GetRelationalTypeMapping().CreateParameter(prototype, $"@p{i}", property.GetGetter().GetClrValue(delivery), property.IsNullable))
            .ToArray();

        public void Dispose() => prototype.Dispose();
    }
}
