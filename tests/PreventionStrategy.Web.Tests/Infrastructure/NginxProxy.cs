using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace PreventionStrategy.Web.Tests.Infrastructure;

/// <summary>
/// Debian's nginx in front of two site instances, run from the shipped <c>deploy/nginx-two-servers.conf</c> and its
/// snippet with only what must differ on a test machine substituted: the instances' addresses, the listen ports
/// (loopback, free ports instead of 80 and 443, no IPv6), a self-signed certificate, the snippet's path. Every
/// directive that proxies (ip_hash, forwarded headers, limits, timeouts) is the shipped one; a substitution that no
/// longer finds its line fails the test, so the file stays the single source. Run as the test user (as root, its
/// workers too), with its prefix, pid, logs and temporary files in a folder of its own; stopped when disposed, or by
/// <see cref="ProcessWatchdog"/> when the test host ends first.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    /// <summary>The shipped configuration's server_name.</summary>
    public const string ServerName = "forebyg.kommune.dk";

    private const string Nginx = "/usr/sbin/nginx";

    private readonly Process process;

    private NginxProxy(Process process, string folder, int httpPort, int httpsPort, X509Certificate2 certificate)
    {
        this.process = process;
        Folder = folder;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
        Certificate = certificate;
    }

    public string Folder { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>What nginx reported besides the requests: a warning about the configuration would be here.</summary>
    public string ErrorLog => File.Exists(Path.Combine(Folder, "error.log")) ? File.ReadAllText(Path.Combine(Folder, "error.log")) : string.Empty;

    /// <summary>Per request: the client's address, method, URI, status and the instance nginx passed it to.</summary>
    public string AccessLog => Path.Combine(Folder, "access.log");

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        if (!File.Exists(Nginx))
        {
            throw new InvalidOperationException("nginx is not installed: apt-get install nginx (.ci/run does it).");
        }

        var folder = Directory.CreateTempSubdirectory("preventionstrategy-nginx-").FullName;
        var (httpPort, httpsPort) = (FreePort(), FreePort());
        var certificate = WriteCertificate(folder);
        var deploy = Path.Combine(AppContext.BaseDirectory, "deploy");
        var snippet = Path.Combine(folder, "preventionstrategy-proxy.conf");
        File.Copy(Path.Combine(deploy, "nginx-proxy-snippet.conf"), snippet);
        File.WriteAllText(Path.Combine(folder, "preventionstrategy.conf"), SiteConfiguration(File.ReadAllText(Path.Combine(deploy, "nginx-two-servers.conf")), instances, httpPort, httpsPort, folder, snippet));
        var main = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(main, MainConfiguration(folder));

        await RunAsync(["-p", folder, "-c", main, "-e", Path.Combine(folder, "error.log"), "-t"]);
        var process = Process.Start(new ProcessStartInfo(Nginx, ["-p", folder, "-c", main, "-e", Path.Combine(folder, "error.log")]) { UseShellExecute = false })!;
        ProcessWatchdog.StopWhenTestHostEnds(process.Id, "TERM");
        var proxy = new NginxProxy(process, folder, httpPort, httpsPort, certificate);
        for (var attempt = 0; attempt < 200 && !await proxy.ListensAsync(); attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("nginx stopped: " + File.ReadAllText(Path.Combine(folder, "error.log")));
            }

            await Task.Delay(50);
        }

        return proxy;
    }

    /// <summary>
    /// A browser at <paramref name="from"/> (any 127.x.y.z: Linux routes all of 127/8 to loopback), asking for
    /// <see cref="ServerName"/>, speaking HTTP/2 over TLS to nginx and trusting exactly its certificate; it keeps cookies in <paramref name="cookies"/> and does
    /// not follow redirects.
    /// </summary>
    public HttpClient ClientFrom(IPAddress from, CookieContainer cookies)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString(),
            },
        };
        var client = new HttpClient(handler)
        {
            BaseAddress = new Uri($"https://127.0.0.1:{HttpsPort}"),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        // The name the shipped server block answers to, as if it resolved to this nginx (the site sends no HSTS to a loopback name).
        client.DefaultRequestHeaders.Host = ServerName;
        return client;
    }

    /// <summary>The access log's lines, once nginx has written the one for <paramref name="client"/>'s last request.</summary>
    public async Task<IReadOnlyList<string[]>> AccessLogLinesAsync(IPAddress client, string uri)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var lines = File.Exists(AccessLog) ? File.ReadAllLines(AccessLog).Select(l => l.Split(' ')).ToList() : [];
            if (lines.Any(l => l[0] == client.ToString() && l[2] == uri))
            {
                return lines;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"nginx logged no request of {client} for {uri}: {string.Join('\n', File.Exists(AccessLog) ? File.ReadAllLines(AccessLog) : [])}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // nginx's fast shutdown: the master stops its workers and removes its pid file.
            kill(process.Id, 15);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
        Certificate.Dispose();
        TempFolders.TryDelete(Folder);
    }

    /// <summary>The shipped site configuration with the test machine's addresses, ports and files; fails when a line it must change is gone.</summary>
    public static string SiteConfiguration(string shipped, IReadOnlyList<Uri> instances, int httpPort, int httpsPort, string folder, string snippet)
    {
        var upstreams = UpstreamServer().Matches(shipped);
        if (upstreams.Count != instances.Count)
        {
            throw new InvalidOperationException($"The shipped configuration names {upstreams.Count} instance(s), the test runs {instances.Count}.");
        }

        var next = 0;
        var config = UpstreamServer().Replace(shipped, m => $"server {instances[next++].Authority}{m.Groups["rest"].Value}");
        config = Substitute(config, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        config = Substitute(config, "listen [::]:80;", string.Empty);
        config = Substitute(config, "listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;");
        config = Substitute(config, "listen [::]:443 ssl http2;", string.Empty);
        config = Substitute(config, "/etc/ssl/certs/forebyg.kommune.dk.pem", Path.Combine(folder, "certificate.pem"));
        config = Substitute(config, "/etc/ssl/private/forebyg.kommune.dk.key", Path.Combine(folder, "certificate.key"));
        return Substitute(config, "/etc/nginx/snippets/preventionstrategy-proxy.conf", snippet);
    }

    private static string Substitute(string config, string shipped, string test) =>
        config.Contains(shipped, StringComparison.Ordinal)
            ? config.Replace(shipped, test, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx-two-servers.conf no longer has '{shipped}'; NginxProxy must learn its new shape.");

    /// <summary>What Debian's /etc/nginx/nginx.conf gives the site file (an http block to sit in), in the test's own folder.</summary>
    private static string MainConfiguration(string folder)
    {
        var user = Environment.UserName == "root" ? "user root;\n" : string.Empty;
        return $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 256; }
            http {
                log_format upstreams '$remote_addr $request_method $request_uri $status $upstream_addr $server_protocol';
                access_log {{folder}}/access.log upstreams;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/preventionstrategy.conf;
            }
            """;
    }

    private static X509Certificate2 WriteCertificate(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=forebyg.kommune.dk", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("forebyg.kommune.dk");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "certificate.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "certificate.key"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private async Task<bool> ListensAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, HttpsPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string[] arguments)
    {
        using var check = Process.Start(new ProcessStartInfo(Nginx, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var error = check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException($"nginx {string.Join(' ', arguments)}: {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"server \d+\.\d+\.\d+\.\d+:\d+(?<rest> [^;\n]*;)")]
    private static partial Regex UpstreamServer();

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
