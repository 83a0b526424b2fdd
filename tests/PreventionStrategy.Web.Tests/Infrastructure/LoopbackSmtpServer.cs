using System.Diagnostics;
using MimeKit;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, see loopback_smtp.py) on a free loopback port,
/// started for a test and stopped after it. Addresses starting "tempfail-" get 451 once, those
/// starting "reject-" always 550; "hold-" and "holdreply-" wait for <see cref="ReleaseHeld"/> (see the script).
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly Process process;

    private LoopbackSmtpServer(Process process, string folder, int port)
    {
        this.process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <param name="port">0 for a free port; a port a stopped server had, to bring "the mail server" back.</param>
    /// <param name="replyDelay">how long the server waits before each 250 to a message: a slow server, so a batch is caught in progress.</param>
    public static async Task<LoopbackSmtpServer> StartAsync(int port = 0, TimeSpan replyDelay = default)
    {
        var folder = Directory.CreateTempSubdirectory("preventionstrategy-smtp-").FullName;
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "loopback_smtp.py");
        var start = new ProcessStartInfo("/usr/bin/python3", ["-u", script, "--out", folder, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--delay", replyDelay.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"The loopback SMTP server did not start (is python3-aiosmtpd installed?): {line} {error}");
        }

        return new LoopbackSmtpServer(process, folder, int.Parse(line[5..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The settings that point the site at this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> SiteSettings() =>
    [
        new("Email:Delivery", "Smtp"),
        new("Email:SmtpHost", "127.0.0.1"),
        new("Email:SmtpPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:SmtpSecurity", "None"),
        new("Email:SmtpTimeoutSeconds", "10"),
    ];

    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file)).ToList();

    public IReadOnlyList<string> Events()
    {
        var log = Path.Combine(Folder, "events.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    /// <summary>Lets every held recipient (<c>hold-*@</c>, <c>holdreply-*@</c>) through, now and from now on.</summary>
    public void ReleaseHeld() => File.WriteAllText(Path.Combine(Folder, "release"), string.Empty);

    public int Connections => Events().Count(e => e == "connect");

    public IReadOnlyList<string> AcceptedRecipients => Events().Where(e => e.StartsWith("accept ", StringComparison.Ordinal)).Select(e => e[7..]).ToList();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        TempFolders.TryDelete(Folder);
    }
}
