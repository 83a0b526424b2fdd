using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PreventionStrategy.Web.Features.Demo;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Demo;

/// <summary><c>Demo:AsOf</c>: the demo site lives on its chosen day, while the browser's cookies keep real time.</summary>
public sealed partial class DemoClockTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("preventionstrategy-demo-clock-").FullName;

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
    public void The_demo_day_starts_at_nine_Danish_time_and_moves_on_with_real_time()
    {
        var real = new ShiftedClock();
        var clock = new DemoClock(new DateOnly(2024, 11, 29), real);
        var start = clock.Now();
        Assert.Equal(new DateOnly(2024, 11, 29), clock.Today());
        Assert.InRange(start - new DateTime(2024, 11, 29, 9, 0, 0), TimeSpan.Zero, TimeSpan.FromMinutes(1));

        real.Offset = TimeSpan.FromHours(20);
        Assert.Equal(new DateOnly(2024, 11, 30), clock.Today());
    }

    [Fact]
    public async Task The_demo_environment_shows_the_plan_as_of_its_day_and_a_remembered_sign_in_outlives_it()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PreventionStrategy.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
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
            var token = Token().Match(await login!.Content.ReadAsStringAsync()).Groups[1].Value;
            var signedIn = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = DemoUsers.DepartmentHead,
                ["Input.Password"] = DemoSeeder.Password,
                ["Input.RememberMe"] = "true",
                ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var auth = cookies.GetAllCookies().Single(c => c.Name == "PreventionStrategy.Auth");
            Assert.True(auth.Expires > DateTime.Now.AddHours(1), $"the sign-in cookie expires {auth.Expires:u}, in the demo's past");

            // As of 29 November 2024 nothing is overdue yet and the new range of services is at risk; on the real day all eight would be overdue.
            var front = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
            Assert.Contains("0 af 8 milepæle er over tid, 0 forsinket og 1 i risiko", front);
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
