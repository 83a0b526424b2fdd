using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PreventionStrategy.Web.Data;

/// <summary>A unique key (or primary key) refused the row: another writer took it first. Both providers.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;

    public static bool Is(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqliteException { SqliteErrorCode: SqliteConstraint }
                || (exception is DbException other and not SqliteException && PostgreSqlSpecifics.IsUniqueViolation(other)))
            {
                return true;
            }
        }

        return false;
    }
}
