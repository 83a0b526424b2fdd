using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace PreventionStrategy.Web.Features.Metrics;

/// <summary>
/// Prometheus-format metrics through OpenTelemetry, when <c>Metrics:Enabled</c>: request rates and durations
/// per page (ASP.NET Core's own <c>http.server.request.duration</c> with the page's route), the outbox, job
/// runs, briefing drawing time, and the runtime (memory, GC, thread pool).
/// </summary>
public static class SiteMetrics
{
    public static void AddSiteMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetSection(MetricsOptions.Section).GetValue<bool>(nameof(MetricsOptions.Enabled)))
        {
            AddExporter(services);
        }
    }

    // Its own method, so a site with metrics off never loads OpenTelemetry's assemblies.
    private static void AddExporter(IServiceCollection services)
    {
        JobRunMetrics.Register();
        services.AddSingleton<DeliveryBacklog>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(SiteMeter.Name)
            // No cached answer: a scrape every 15-60 s costs nothing to build afresh, and a cached one hides what just happened.
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    public static void MapSiteMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Enabled)
        {
            MapExporter(app, options);
        }
    }

    private static void MapExporter(WebApplication app, MetricsOptions options)
    {
        // Created now, so its gauges exist before the first scrape.
        _ = app.Services.GetRequiredService<DeliveryBacklog>();
        var networks = options.Networks();
        bool Allowed(HttpContext context) =>
            context.Connection.RemoteIpAddress is { } address
            && networks.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == options.Path && Allowed(context));

        // Anyone else is told there is nothing here, the same answer signed in or not.
        app.MapWhen(
            context => context.Request.Path == options.Path,
            refused => refused.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
    }
}
