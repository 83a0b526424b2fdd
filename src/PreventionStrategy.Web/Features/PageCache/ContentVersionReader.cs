using System.Data.Common;
using Microsoft.Data.Sqlite;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.PageCache;

/// <summary>
/// Reads the content version, once per request (kept in the request's items), for the page cache
/// and the sign-in sessions. Each thread keeps its own open connection with the statement prepared:
/// the read is a primary-key lookup of a few microseconds, while taking a connection from the
/// shared pool and preparing the statement cost more than that and contend on the pool's lock
/// at 50 concurrent requests.
/// </summary>
/// <remarks>
/// On PostgreSQL the read takes a connection from Npgsql's pool instead (a thread's own connection would be one
/// server process per thread of the pool) and the statement is prepared on it once, by Npgsql.
/// </remarks>
public sealed class ContentVersionReader(IConfiguration configuration) : IDisposable
{
    private static readonly object RequestKey = new();

    private static readonly string Query = $"SELECT \"Value\" FROM \"ContentVersions\" WHERE \"Id\" = {ContentVersion.SingleRowId}";

    private readonly string connectionString = configuration.GetConnectionString("Default")
        ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");

    private readonly Lazy<DbDataSource>? postgreSql = DatabaseProvider.IsPostgreSql(configuration)
        ? new(() => PostgreSqlSpecifics.PreparingDataSource(configuration.GetConnectionString("Default")!))
        : null;

    private readonly ThreadLocal<SqliteCommand?> commands = new(trackAllValues: true);

    public long ForRequest(HttpContext? context)
    {
        if (context is null)
        {
            return Read();
        }

        if (context.Items.TryGetValue(RequestKey, out var known) && known is long version)
        {
            return version;
        }

        version = Read();
        context.Items[RequestKey] = version;
        return version;
    }

    public long Read()
    {
        if (postgreSql is not null)
        {
            using var pooled = postgreSql.Value.CreateCommand(Query);
            return (long)pooled.ExecuteScalar()!;
        }

        var command = commands.Value ??= Prepare();
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // A broken connection (the file was replaced, a disk error) is not kept: the next read opens a new one.
            command.Connection?.Dispose();
            commands.Value = null;
            throw;
        }
    }

    private SqliteCommand Prepare()
    {
        // Its own connection, outside the pool, so it is never handed to a DbContext with a transaction open.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = Query;
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
        {
            command?.Connection?.Dispose();
            command?.Dispose();
        }

        commands.Dispose();
        if (postgreSql is { IsValueCreated: true })
        {
            postgreSql.Value.Dispose();
        }
    }
}
