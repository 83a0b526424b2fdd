using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Backups;

/// <summary>
/// A copy of the SQLite database taken while the site runs, through SQLite's online backup API:
/// one consistent snapshot (in WAL mode writers go on meanwhile), written to a temporary name and
/// renamed, so a file with a backup's name is always complete.
/// </summary>
public sealed class DatabaseBackup(AppDbContext db, IOptions<BackupOptions> options, TimeProvider clock, ILogger<DatabaseBackup> logger)
{
    public const string FilePrefix = "preventionstrategy-";

    public async Task<string> BackUpToAsync(string target, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("The backup command copies the embedded SQLite database; back PostgreSQL up with pg_dump (see the README).");
        }

        target = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);

        // Its own connection, not the pooled context's: the backup holds a read transaction for its whole copy.
        await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);

            // A single file to copy or restore: no -wal beside it.
            await using var journal = destination.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        File.Move(partial, target, overwrite: true);
        logger.LogInformation("Database backed up to {Target} ({Bytes} bytes)", target, new FileInfo(target).Length);
        return target;
    }

    /// <summary>A new backup in the configured folder, then the oldest beyond <see cref="BackupOptions.Keep"/> deleted.</summary>
    public async Task<string> BackUpScheduledAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = settings.Folder ?? throw new InvalidOperationException("Backups:Folder is not set.");
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var made = await BackUpToAsync(Path.Combine(folder, $"{FilePrefix}{stamp}.db"), cancellationToken);
        foreach (var old in Kept(folder).Skip(settings.Keep))
        {
            File.Delete(old);
            logger.LogInformation("Old backup {File} deleted (keeping {Keep})", old, settings.Keep);
        }

        return made;
    }

    /// <summary>The backups in a folder, newest first (the names sort by time).</summary>
    public static IReadOnlyList<string> Kept(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, FilePrefix + "*.db").OrderDescending(StringComparer.Ordinal).ToList()
            : [];
}
