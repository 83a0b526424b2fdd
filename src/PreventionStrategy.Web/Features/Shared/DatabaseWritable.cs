using Microsoft.Data.Sqlite;
using Npgsql;
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

        if (db.Database.IsPostgreSql())
        {
            return await PostgreSqlAsync(cancellationToken);
        }

        var connectionString = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { DefaultTimeout = 5, Pooling = false }.ToString();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var probe = connection.CreateCommand();
            probe.CommandText = "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('health-probe', '0')";
            await probe.ExecuteNonQueryAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SqliteException exception) when (DatabaseBusy.Is(exception))
        {
            return HealthCheckResult.Degraded("The database is busy with another writer.", exception);
        }
        catch (SqliteException exception)
        {
            return HealthCheckResult.Unhealthy("The database cannot be written: " + exception.Message, exception);
        }
    }

    /// <summary>The same probe on the server: the pool's connection, a short statement timeout, rolled back.</summary>
    private async Task<HealthCheckResult> PostgreSqlAsync(CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Timeout = 5, CommandTimeout = 5 }.ToString();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var probe = connection.CreateCommand();
            probe.CommandText = "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('health-probe', '0')";
            await probe.ExecuteNonQueryAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (DatabaseBusy.Is(exception))
        {
            return HealthCheckResult.Degraded("The database is busy.", exception);
        }
        catch (NpgsqlException exception)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached or written: " + exception.Message, exception);
        }
    }
}
