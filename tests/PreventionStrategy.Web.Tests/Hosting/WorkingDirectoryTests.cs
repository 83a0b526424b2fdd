using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PreventionStrategy.Web.Tests.Hosting;

/// <summary>The built site started as a process from a folder that is not its own still runs with its own settings.</summary>
public sealed class WorkingDirectoryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("preventionstrategy-cwd-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    [Fact]
    public async Task The_site_started_from_another_folder_reads_its_own_settings()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PreventionStrategy.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The Demo environment's own file (appsettings.Demo.json) turns the HTTPS requirement off;
        // run without it, the site would redirect this plain-HTTP request to HTTPS.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Demo";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "site.db")}";
        start.Environment["Email__PickupDirectory"] = Path.Combine(folder, "mail");
        start.Environment["Jobs__ServerEnabled"] = "false";
        using var site = Process.Start(start)!;
        var output = new List<string>();
        site.OutputDataReceived += (_, e) => { lock (output) { output.Add(e.Data ?? string.Empty); } };
        site.ErrorDataReceived += (_, e) => { lock (output) { output.Add(e.Data ?? string.Empty); } };
        site.BeginOutputReadLine();
        site.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            HttpResponseMessage? login = null;
            for (var attempt = 0; attempt < 600 && login is null && !site.HasExited; attempt++)
            {
                try
                {
                    login = await client.GetAsync("/Identity/Account/Login");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.True(login is not null, "The site did not answer: " + string.Join('\n', output));
            Assert.Equal(HttpStatusCode.OK, login!.StatusCode);
        }
        finally
        {
            if (!site.HasExited)
            {
                site.Kill(entireProcessTree: true);
                await site.WaitForExitAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
