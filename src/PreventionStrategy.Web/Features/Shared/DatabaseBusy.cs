using System.Data.Common;
using Microsoft.Data.Sqlite;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// A request that could not get the database within <c>Database:BusyTimeoutSeconds</c> (another
/// writer held SQLite's lock) is answered 503 with <c>Retry-After</c> and a Danish "prøv igen om
/// lidt" page (the status page, code 503) instead of a 500: nothing was saved, and trying again
/// shortly works. Logged as a warning, not an error: the site is busy, not broken.
/// </summary>
public sealed class DatabaseBusy(RequestDelegate next, ILogger<DatabaseBusy> logger)
{
    public const int RetryAfterSeconds = 5;

    /// <summary>Set when the database could not be written at all (disk full, read-only, I/O error): the status page says so.</summary>
    public const string StorageFaultItem = "DatabaseBusy.StorageFault";

    /// <summary>
    /// SQLITE_BUSY or SQLITE_LOCKED anywhere in the chain (EF wraps it in a DbUpdateException); on PostgreSQL a
    /// deadlock, a serialization failure, a lock not available, or a command that waited past its timeout.
    /// </summary>
    public static bool Is(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqliteException { SqliteErrorCode: 5 or 6 }
                || (exception is DbException other and not SqliteException && PostgreSqlSpecifics.IsBusy(other)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN or SQLITE_FULL: storage, not contention. On PostgreSQL the
    /// server's disk is full or out of resources, it refuses writes (a read-only standby), or an I/O error.
    /// </summary>
    public static bool IsStorageFault(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqliteException { SqliteErrorCode: 8 or 10 or 13 or 14 }
                || (exception is DbException other and not SqliteException && PostgreSqlSpecifics.IsStorageFault(other)))
            {
                return true;
            }
        }

        return false;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsStorageFault(exception) && !context.Response.HasStarted)
        {
            // First and loudest: an operator must free space or fix the file's permissions.
            logger.LogCritical(exception, "The database could not be written (disk full, read-only or I/O error) during {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Items[StorageFaultItem] = true;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
        }
        catch (Exception exception) when (Is(exception) && !context.Response.HasStarted)
        {
            logger.LogWarning(exception, "The database stayed locked for {Method} {Path}; answered 503", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
