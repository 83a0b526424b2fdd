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

    /// <summary>Signs in through the login form with the demo password, and waits until the header shows who is signed in.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Adgangskode", new() { Exact = true }).FillAsync(Pages.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
        // The header's name, not the copy in the (closed) mobile menu drawer.
        await Assertions.Expect(page.Locator("strong.authority-name", new() { HasTextString = email })).ToBeVisibleAsync();
    }

    /// <summary>Script errors, console errors and failed requests while a test clicks through.</summary>
    public static List<string> WatchForProblems(IPage page)
    {
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add($"script error: {error}");
        page.Console += (_, message) =>
        {
            // Chromium asks for /favicon.ico by itself and the site has none; that is not the page's doing.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                problems.Add($"console error: {message.Text} ({message.Location})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                problems.Add($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
            }
        };
        return problems;
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

        // Kestrel listens on plain HTTP on loopback here, as the demo does.
        Settings["Security:RequireHttps"] = "false";
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
