using System.Net;
using System.Text.Json;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Hosting;

/// <summary>
/// The site is built with the slim host builder; what it leaves out and the site's operators rely on is added
/// back. Run as a process of its own, as a server runs it.
/// </summary>
public sealed class SlimHostDefaultsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("preventionstrategy-slim-").FullName;

    public void Dispose()
    {
        TempFolders.TryDelete(folder);
    }

    private SiteProcess Start(Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "site.db")}";
        settings["Email__PickupDirectory"] = Path.Combine(folder, "mail");
        settings["Security__RequireHttps"] = "false";
        settings["Jobs__ServerEnabled"] = "false";
        return new SiteProcess(folder, settings);
    }

    [Fact]
    public async Task The_console_log_is_one_json_object_per_line_when_the_json_formatter_is_chosen()
    {
        await using var site = Start(new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Default"] = "Information",
        });
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await site.FirstAnswerAsync(client, "/health")).StatusCode);

        var lines = site.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.Contains("Now listening on", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Message", out _), line);
        }
    }

    [Fact]
    public async Task A_request_for_a_host_outside_AllowedHosts_is_refused()
    {
        await using var site = Start(new Dictionary<string, string> { ["AllowedHosts"] = "forebyg.example.dk" });
        using var client = new HttpClient { BaseAddress = site.BaseAddress };

        var foreign = await site.FirstAnswerAsync(client, "/health");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/health");
        allowed.Headers.Host = "forebyg.example.dk";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(allowed)).StatusCode);
    }
}
