using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Logging.Console;

namespace PreventionStrategy.Web;

/// <summary>
/// The site is built with <see cref="WebApplication.CreateSlimBuilder(WebApplicationOptions)"/>: the full builder
/// also loads IIS, HTTP/3 (QUIC) and the Debug and EventSource loggers at every start, which a site on Linux behind
/// nginx never uses (about 2 MB of an idle site's memory). What the slim builder leaves out and the site does use
/// is added back here.
/// </summary>
public static class SlimHostDefaults
{
    public static void AddDefaultsTheSlimBuilderLeavesOut(this WebApplicationBuilder builder)
    {
        // Kestrel's HTTPS endpoints and certificates from Kestrel:Endpoints.
        builder.WebHost.UseKestrelHttpsConfiguration();

        // AllowedHosts (semicolon-separated, "*" for any), read when the site starts, as the full builder does.
        builder.Services.AddHostFiltering(_ => { });
        builder.Services.AddOptions<HostFilteringOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var hosts = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            options.AllowedHosts = hosts is { Length: > 0 } ? hosts : ["*"];
        });

        // The console logger's settings (Logging:Console, e.g. FormatterName=json for a log shipper) are honoured:
        // the slim builder fixes the simple formatter.
        builder.Logging.AddConsole();
        builder.Services.AddOptions<ConsoleLoggerOptions>().Configure<IConfiguration>((options, configuration) =>
            configuration.GetSection("Logging:Console").Bind(options));
    }
}
