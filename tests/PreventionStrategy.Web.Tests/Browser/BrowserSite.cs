using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Browser;

/// <summary>
/// The demo site on a real Kestrel port on 127.0.0.1 (the same <see cref="SiteFactory"/> setup: its own
/// SQLite file, the demo seed) and a headless Debian Chromium driven by Playwright. Playwright never
/// downloads a browser here: it drives the system's <c>/usr/bin/chromium</c>, which CI installs
/// (<c>.ci/run</c>). Without it the tests fail, they do not skip.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;

    public KestrelSiteFactory Site { get; } = new();

    /// <summary>The site's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri RootUri { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath} and it is not there. " +
                "Install it with `apt-get install -y chromium` (.ci/run does this), then run the tests again.");
        }

        RootUri = Site.Start();

        // Playwright must use the system Chromium, never fetch its own build.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser profile (no cookies) with Danish settings, opening pages relative to <see cref="RootUri"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = RootUri.ToString(),
            Locale = "da-DK",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

/// <summary><see cref="SiteFactory"/> served by Kestrel on a free port on the loopback address instead of the in-memory TestServer.</summary>
public sealed class KestrelSiteFactory : SiteFactory
{
    public KestrelSiteFactory()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        // As the site runs for real: Hangfire runs the jobs that pages start.
        Settings["Jobs:ServerEnabled"] = "true";
    }

    /// <summary>Builds and starts the site (migrations and demo seed included) and returns the address Kestrel bound.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting the address it listens on.");
        return new Uri(address.TrimEnd('/') + "/");
    }
}
