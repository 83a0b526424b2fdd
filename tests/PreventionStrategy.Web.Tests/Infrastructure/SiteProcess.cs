using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// The built site started as a process of its own, on a free loopback port, from <paramref name="workingDirectory"/>,
/// with the given environment; its output is kept for the failure message, and it is killed when disposed (or, by
/// <see cref="ProcessWatchdog"/>, when the test host ends without disposing it).
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    public SiteProcess(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        Port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PreventionStrategy.Web.dll"), "--urls", $"http://127.0.0.1:{Port}"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start)!;
        ProcessWatchdog.StopWhenTestHostEnds(process.Id);
        process.OutputDataReceived += (_, e) => { lock (output) { output.Add(e.Data ?? string.Empty); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.Add(e.Data ?? string.Empty); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>The first answer to <paramref name="path"/>, once the site listens; fails with the site's output when it never does.</summary>
    public async Task<HttpResponseMessage> FirstAnswerAsync(HttpClient client, string path)
    {
        for (var attempt = 0; attempt < 600 && !process.HasExited; attempt++)
        {
            try
            {
                return await client.GetAsync(path);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new Xunit.Sdk.XunitException("The site did not answer: " + Output);
    }

    /// <summary>SIGKILL, as a crash or the OOM killer ends a process: no shutdown, no finally blocks, no last write.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
