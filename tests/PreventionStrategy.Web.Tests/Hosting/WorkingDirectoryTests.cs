using System.Net;

using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Hosting;

/// <summary>The built site started as a process from a folder that is not its own still runs with its own settings.</summary>
public sealed class WorkingDirectoryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("preventionstrategy-cwd-").FullName;

    public void Dispose()
    {
        TempFolders.TryDelete(folder);
    }

    [Fact]
    public async Task The_site_started_from_another_folder_reads_its_own_settings()
    {
        // The Demo environment's own file (appsettings.Demo.json) turns the HTTPS requirement off;
        // run without it, the site would redirect this plain-HTTP request to HTTPS.
        await using var site = new SiteProcess(folder, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "site.db")}",
            ["Email__PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Jobs__ServerEnabled"] = "false",
        });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseAddress };
        var login = await site.FirstAnswerAsync(client, "/Identity/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
