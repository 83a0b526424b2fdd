namespace PreventionStrategy.Web;

/// <summary>
/// Where the site's files (appsettings*.json, wwwroot, App_Data) are, whatever folder it is started
/// from. ASP.NET Core takes the working directory; a published site started from elsewhere would
/// then run without its settings (no demo, the first-run page open, HTTPS demanded on plain HTTP).
/// </summary>
public static class SiteFolder
{
    public const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The working directory when it holds the settings (<c>dotnet run</c>, a service started in the
    /// site's folder) or a content root was given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>);
    /// else the folder of the site's own assembly when the settings are there (a published site).
    /// Null leaves ASP.NET Core's default.
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"));
        if (given || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), SettingsFile)))
        {
            return null;
        }

        var own = AppContext.BaseDirectory;
        return File.Exists(Path.Combine(own, SettingsFile)) ? own : null;
    }

    /// <summary>Refuses to start without the settings file, saying where it was looked for.</summary>
    public static void RequireSettings(IHostEnvironment environment)
    {
        var expected = Path.Combine(environment.ContentRootPath, SettingsFile);
        if (!File.Exists(expected))
        {
            throw new InvalidOperationException(
                $"The site's settings file is missing: {expected} does not exist. Start the site from its own folder, "
                + "or give that folder with --contentRoot <folder> (or ASPNETCORE_CONTENTROOT).");
        }
    }
}
