using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Health;

/// <summary>
/// <c>/health</c>: liveness, cheap, for a service manager (the database can be written).
/// <c>/health/ready</c>: readiness, for a load balancer (also the schema is current and the job store answers).
/// Both anonymous, both only a status word: no detail for strangers.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static void AddHealthEndpoints(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseWritable>("database-writable")
            .AddCheck<SchemaCurrent>("schema-current", tags: [ReadyTag])
            .AddCheck<JobStorageReachable>("job-storage", tags: [ReadyTag]);

    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => !check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
    }
}
