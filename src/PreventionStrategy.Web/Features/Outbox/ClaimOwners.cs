using System.Diagnostics;
using System.Globalization;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>
/// Who holds a claim on a delivery: "host:pid", the name the Hangfire server of the process has
/// too. A claim held by a process on this host that no longer runs is released at once, so a
/// site restarted after a crash sends the held batch on its first run instead of waiting out the
/// lease. A claim from another host is trusted until its lease runs out: its holder renews it while
/// it sends, so that is at most <see cref="DeliverySender.ClaimLease"/> after it died (Hangfire's
/// own server timeout, five minutes, would notice later than that).
/// </summary>
public static class ClaimOwners
{
    public static readonly string Current = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    public static bool IsGone(string claimedBy)
    {
        var colon = claimedBy.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(claimedBy[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !string.Equals(claimedBy[..colon], Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

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
