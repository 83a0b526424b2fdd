using System.Data.Common;
using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PreventionStrategy.Web.Data;

/// <summary>
/// Everything that names an Npgsql type, kept behind methods that are only called on PostgreSQL (or with an
/// exception that is neither SQLite's nor anyone else's). A site on SQLite then never loads Npgsql, its EF Core
/// provider or Hangfire's PostgreSQL storage: about 4 MB of a small server's memory for assemblies it does not use.
/// </summary>
/// <remarks>
/// Not inlined, so the caller's compiled code names only this method, not the types inside it.
/// </remarks>
public static class PostgreSqlSpecifics
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Use(DbContextOptionsBuilder options, string connectionString, int commandTimeoutSeconds) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(commandTimeoutSeconds));

#if !WITHOUT_COMPILED_MODEL
    /// <summary>PostgreSQL's compiled model: its building names Npgsql's type mappings.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Microsoft.EntityFrameworkCore.Metadata.IModel CompiledModel() => CompiledModels.PostgreSql.AppDbContextModel.Instance;
#endif

    /// <summary>A deadlock, a serialization failure, a lock not available, or a command that waited past its timeout.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool IsBusy(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled }
            or NpgsqlException { InnerException: TimeoutException };

    /// <summary>The server's disk is full or out of resources, it refuses writes (a read-only standby), or an I/O error.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool IsStorageFault(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DiskFull or PostgresErrorCodes.InsufficientResources or PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.IoError };

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>A connection of its own with short timeouts, for the readiness probe.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static DbConnection ProbeConnection(string connectionString) =>
        new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, CommandTimeout = 5 }.ToString());

    /// <summary>A pool whose connections prepare the one statement they are given at its first use.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static DbDataSource PreparingDataSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxAutoPrepare = 1, AutoPrepareMinUsages = 1 } }.Build();

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JobStorage JobStorage(string connectionString) =>
        new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions());
}
