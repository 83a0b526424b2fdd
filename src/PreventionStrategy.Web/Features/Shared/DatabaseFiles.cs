using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace PreventionStrategy.Web.Features.Shared;

/// <summary>
/// Looks at the SQLite files from outside, by path only (stat, access, statvfs), for what would make the next
/// database access fatal or fail. SQLite maps the WAL index (the <c>-shm</c> file) into memory; if something
/// truncates that file, the next access to the mapping kills the process with SIGBUS, which no exception handler
/// or logger sees. The files are never opened here: closing any descriptor of a file drops every POSIX lock the
/// process holds on it, SQLite's included.
/// </summary>
public sealed class DatabaseFiles
{
    /// <summary>SQLite's WAL index grows in regions of 32 KiB and never shrinks while the database is open.</summary>
    private const long IndexRegion = 32 * 1024;

    private const int WriteAccess = 2;

    private readonly string? database;
    private readonly long minimumFreeBytes;
    private long largestIndexSeen;

    /// <param name="sqliteConnectionString">Null on PostgreSQL: its files are the database server's to watch, not the site's.</param>
    public DatabaseFiles(string? sqliteConnectionString, long minimumFreeBytes)
    {
        var builder = new SqliteConnectionStringBuilder(sqliteConnectionString ?? "Mode=Memory");
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        database = inMemory ? null : Path.GetFullPath(builder.DataSource);
        this.minimumFreeBytes = minimumFreeBytes;
    }

    /// <summary>What is wrong with the files now, worst first; empty when nothing is.</summary>
    public DatabaseFileReport Check()
    {
        if (database is null || !File.Exists(database))
        {
            return DatabaseFileReport.Fine;
        }

        var problems = new List<string>();
        var index = new FileInfo(database + "-shm");
        var truncated = false;
        if (index.Exists)
        {
            var seen = Interlocked.Read(ref largestIndexSeen);
            truncated = seen >= IndexRegion && index.Length < seen;
            if (truncated)
            {
                problems.Add($"The WAL index {index.FullName} was cut from {seen} to {index.Length} bytes while the database is open: the next database access will likely kill the process (SIGBUS). Restart the site; SQLite rebuilds the index from the WAL.");
            }
            else if (index.Length > seen)
            {
                Interlocked.Exchange(ref largestIndexSeen, index.Length);
            }

            if (!Writable(index.FullName))
            {
                problems.Add($"The WAL index {index.FullName} cannot be written (permissions or a read-only file system).");
            }
        }
        else
        {
            // Deleted: SQLite removes it when the last connection closes, and makes a new one on the next.
            Interlocked.Exchange(ref largestIndexSeen, 0);
            if (File.Exists(database + "-wal"))
            {
                problems.Add($"The WAL index {index.FullName} is gone while the WAL is still there: something deleted it under the running site.");
            }
        }

        if (!Writable(database))
        {
            problems.Add($"The database {database} cannot be written (permissions or a read-only file system).");
        }

        var free = FreeBytes(Path.GetDirectoryName(database)!);
        if (free is { } bytes && bytes < minimumFreeBytes)
        {
            problems.Add($"Only {bytes / (1024 * 1024)} MB free beside the database (below Database:MinimumFreeMegabytes): saves will soon fail.");
        }

        return new DatabaseFileReport(problems, truncated);
    }

    // access(2) asks the kernel without opening the file; it also says no on a read-only mount, even to root.
    private static bool Writable(string path) => !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || Access(path, WriteAccess) == 0;

    private static long? FreeBytes(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Plain DllImport: the project allows no unsafe code, which LibraryImport's generated marshalling needs.
    [DllImport("libc", EntryPoint = "access")]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
}

public sealed record DatabaseFileReport(IReadOnlyList<string> Problems, bool IndexTruncated)
{
    public static readonly DatabaseFileReport Fine = new([], false);

    public bool IsFine => Problems.Count == 0;
}
