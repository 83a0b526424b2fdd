using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.InMemory;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>
/// Who holds a claim on a delivery ("host:pid", the name this process's Hangfire server has too),
/// and whether that holder is gone, so its batch can be released before the lease runs out.
/// </summary>
/// <remarks>
/// A holder on this host is gone when its process no longer runs. A holder on another host is
/// gone when the shared job store (PostgreSQL) lists no server of that name with a recent
/// heartbeat: a server that stops cleanly removes itself at once, one that crashed stops beating.
/// An in-memory job store only knows this process's servers, so there a holder on another host is
/// trusted until its lease runs out (it renews the lease while it sends).
/// </remarks>
public sealed class ClaimHolders(JobStorage storage, TimeProvider clock)
{
    public static readonly string Current = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Hangfire's servers beat every 30 seconds; two missed beats mean the process is gone (Hangfire
    /// itself waits five minutes before it removes such a server from its list).
    /// </summary>
    public static readonly TimeSpan HeartbeatGrace = TimeSpan.FromSeconds(75);

    private readonly bool sharedStore = storage is not InMemoryStorage;

    /// <summary>The holders among <paramref name="claimedBy"/> that are gone; asks the job store at most once.</summary>
    public IReadOnlyList<string> Gone(IReadOnlyCollection<string> claimedBy)
    {
        if (claimedBy.Count == 0)
        {
            return [];
        }

        IReadOnlyList<(string Name, DateTime? Heartbeat)>? servers = null;
        var gone = new List<string>();
        foreach (var holder in claimedBy)
        {
            if (IsOnThisHost(holder, out var pid))
            {
                if (ProcessIsGone(pid))
                {
                    gone.Add(holder);
                }
            }
            else if (sharedStore)
            {
                servers ??= LiveServers();
                if (IsGoneFromServerList(holder, servers, clock.GetUtcNow().UtcDateTime))
                {
                    gone.Add(holder);
                }
            }
        }

        return gone;
    }

    /// <summary>
    /// Whether the job store's server list shows the holder gone: no server of that name (Hangfire
    /// names a server "name:guid", lower case), or none that beat within <see cref="HeartbeatGrace"/>.
    /// </summary>
    public static bool IsGoneFromServerList(string claimedBy, IEnumerable<(string Name, DateTime? Heartbeat)> servers, DateTime nowUtc)
    {
        var prefix = claimedBy.ToLowerInvariant() + ":";
        return !servers.Any(s => (s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Name, claimedBy, StringComparison.OrdinalIgnoreCase))
            && s.Heartbeat is { } beat && nowUtc - beat <= HeartbeatGrace);
    }

    private IReadOnlyList<(string Name, DateTime? Heartbeat)> LiveServers() =>
        storage.GetMonitoringApi().Servers().Select(s => (s.Name, s.Heartbeat)).ToList();

    private static bool IsOnThisHost(string claimedBy, out int pid)
    {
        pid = 0;
        var colon = claimedBy.LastIndexOf(':');
        return colon > 0
            && int.TryParse(claimedBy[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out pid)
            && string.Equals(claimedBy[..colon], Environment.MachineName, StringComparison.OrdinalIgnoreCase);
    }

    private static bool ProcessIsGone(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            // This process: another run in it may be sending right now.
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);

            // A reused pid makes a dead holder look alive: the claim then waits for its lease, as before.
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
