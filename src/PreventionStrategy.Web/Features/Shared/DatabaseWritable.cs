using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PreventionStrategy.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// Readiness: the database can be written, not only read. A row is inserted and rolled back, so a
/// full disk, a read-only file or an I/O error makes <c>/health</c> say Unhealthy (503); a database
/// merely busy with another writer is Degraded. The files are looked at first (<see cref="DatabaseFiles"/>): with a
/// truncated WAL index the probe itself would end the process, so it is not run.
/// </summary>
public sealed class DatabaseWritable(AppDbContext db, DatabaseFiles files) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = files.Check();
        if (!report.IsFine)
        {
            return HealthCheckResult.Unhealthy(string.Join(" ", report.Problems));
        }

        // A connection of its own, with a short timeout (and on SQLite outside the pool), so the probe sees the database as a new request would.
        var connectionString = db.Database.GetConnectionString();
        DbConnection connection = db.Database.IsPostgreSql()
            ? PostgreSqlSpecifics.ProbeConnection(connectionString!)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 5, Pooling = false }.ToString());
        await using (connection)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var probe = connection.CreateCommand();
                probe.Transaction = transaction;
                probe.CommandText = "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('health-probe', '0')";
                await probe.ExecuteNonQueryAsync(cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (DbException exception) when (DatabaseBusy.Is(exception))
            {
                return HealthCheckResult.Degraded("The database is busy with another writer.", exception);
            }
            catch (DbException exception)
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached or written: " + exception.Message, exception);
            }
        }
    }
}
