using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.Metrics;

/// <summary>
/// The outbox as Prometheus sees it: messages waiting and how long the oldest has waited, read from the
/// database at each scrape. The figures are the whole database's, so every server reports the same ones.
/// </summary>
public sealed class DeliveryBacklog : IDisposable
{
    private readonly Meter meter;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;

    public DeliveryBacklog(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock)
    {
        this.scopes = scopes;
        this.clock = clock;
        meter = meters.Create(SiteMeter.Name);
        meter.CreateObservableGauge("preventionstrategy.deliveries.pending", () => Read().Pending, "{message}", "Emails waiting to be sent, also those waiting for a retry.");
        meter.CreateObservableGauge("preventionstrategy.deliveries.oldest_pending_age", () => Read().OldestAgeSeconds, "s", "How long the oldest waiting email has waited; 0 when none waits.");
    }

    private (int Pending, double OldestAgeSeconds) last;
    private long readAt;

    /// <summary>Both gauges are read in one scrape; one query answers both.</summary>
    private (int Pending, double OldestAgeSeconds) Read()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref readAt) < 1000)
        {
            return last;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = db.Deliveries.AsNoTracking().Where(d => d.State == DeliveryState.Pending);
        var count = pending.Count();
        var oldest = count == 0 ? (DateTime?)null : pending.Min(d => (DateTime?)d.CreatedAtUtc);
        var age = oldest is { } at ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - at).TotalSeconds) : 0;
        last = (count, age);
        Interlocked.Exchange(ref readAt, now);
        return last;
    }

    public void Dispose() => meter.Dispose();
}
