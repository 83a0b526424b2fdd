using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PreventionStrategy.Web.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// Microsoft.Data.Sqlite already waits on a locked database (it retries SQLITE_BUSY until the
    /// command timeout, "Default Timeout" in the connection string, 30 s by default), so the busy
    /// timeout needs no pragma here.
    /// The SQLite file's folder must exist before the first connection, and WAL lets readers go on
    /// while one writer commits. WAL is a property of the file, so setting it once suffices.
    /// </summary>
    public static async Task PrepareAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // Only when a migration is due: MigrateAsync also compares the model with the migrations'
        // snapshot, a few hundred milliseconds of every start for nothing when the schema is current.
        // A model change without its migration is still caught, by every test's fresh database.
        // An empty PostgreSQL database gets its history table first: Npgsql's provider would otherwise read the
        // missing table while migrating and log the failure as an error on every first start.
        // (Its own existence check is that same read.) The script is CREATE TABLE IF NOT EXISTS.
        if (db.Database.IsPostgreSql())
        {
#pragma warning disable EF1002 // EF's own script for its history table
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
#pragma warning restore EF1002
        }

        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
