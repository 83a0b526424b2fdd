using System.Net;
using Microsoft.Extensions.Logging;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Robustness;

/// <summary>
/// A database that cannot be written (here: the site's own file opened read-only, as a read-only
/// copy would be; the tests run as root, so file permissions would not stop them): readiness says
/// so, and a write gets a Danish page, not a 500, with the cause logged at Critical.
/// </summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly SiteFactory writable = new();

    public void Dispose() => writable.Dispose();

    [Fact]
    public async Task With_a_read_only_database_health_is_unhealthy_and_a_write_gets_a_Danish_503()
    {
        _ = writable.Server; // migrates and seeds the file
        using var readOnly = new SiteFactory(writable.Folder);
        readOnly.Settings["ConnectionStrings:Default"] = $"Data Source={writable.DatabasePath};Mode=ReadOnly";
        readOnly.Settings["Demo:Enabled"] = "false";
        readOnly.Settings["Database:MigrateOnStartup"] = "false";

        var client = readOnly.CreateBrowserlessClient();
        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());

        var signIn = await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoUsers.Staff,
            ["Input.Password"] = Pages.DemoPassword,
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        Assert.NotNull(signIn.Headers.RetryAfter);
        Assert.Contains("Sitet kan ikke gemme lige nu", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(readOnly.Errors.Entries, e => e.Level == LogLevel.Critical);

        // The health check logs its Unhealthy result as an error; nothing reached the unhandled-exception page.
        Assert.DoesNotContain(readOnly.Errors.Entries, e => e.Category.Contains("ExceptionHandler", StringComparison.Ordinal));
    }
}
