using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Health;

/// <summary>
/// Ready only on the schema this build expects: a server started against a database that another
/// deployment step has not migrated yet (or one restored from an older backup with migrations off)
/// is taken out of the proxy's rotation instead of failing requests.
/// </summary>
public sealed class SchemaCurrent(AppDbContext db, DatabaseFiles files) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Never touch a database whose WAL index is cut (see DatabaseFiles): the liveness check reports that.
        if (db.Database.IsSqlite() && !files.Check().IsFine)
        {
            return HealthCheckResult.Unhealthy("The database's files are not fine; see /health.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, the first {pending[0]}.");
    }
}
