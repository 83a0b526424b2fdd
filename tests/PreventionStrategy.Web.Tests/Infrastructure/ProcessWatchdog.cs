using System.Diagnostics;
using System.Globalization;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// Stops a process the tests started once the test host ends, however it ends: a test host killed (or ended with its
/// process group before its exit handlers ran) would otherwise leave site processes and nginx running, each holding a
/// port and memory. A shell in a session of its own waits for the test host, as <see cref="PostgreSqlCluster"/>'s does.
/// </summary>
public static class ProcessWatchdog
{
    /// <param name="signal">TERM for nginx (its master stops its workers), KILL for a site.</param>
    public static void StopWhenTestHostEnds(int pid, string signal = "KILL")
    {
        var host = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var child = pid.ToString(CultureInfo.InvariantCulture);

        // Ends by itself when the child ends first, so a later process that reuses the number is left alone.
        using var _ = Process.Start("/usr/bin/setsid", ["/bin/sh", "-c", $"while kill -0 {host} 2>/dev/null; do kill -0 {child} 2>/dev/null || exit 0; sleep 1; done; kill -{signal} {child} 2>/dev/null"]);
    }
}
