using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PreventionStrategy.Web.Features.Health;

/// <summary>Ready only when Hangfire's store answers: reminders and briefings are planned through it.</summary>
public sealed class JobStorageReachable(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            _ = connection.GetRecurringJobs();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job store does not answer: " + exception.Message, exception));
        }
    }
}
