using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>
/// Keeps a batch's claim alive while it is being sent, from its own scope and connection: the
/// lease can then be short (a dead run's batch is free soon) without a slow batch losing its
/// claim to another run half-way.
/// </summary>
public sealed class ClaimRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private ClaimRenewal(IServiceScopeFactory scopes, TimeProvider clock, Guid token, TimeSpan lease, TimeSpan every, ILogger logger)
    {
        loop = RunAsync(scopes, clock, token, lease, every, logger, stop.Token);
    }

    public static ClaimRenewal Start(IServiceScopeFactory scopes, TimeProvider clock, Guid token, TimeSpan lease, TimeSpan every, ILogger logger) =>
        new(scopes, clock, token, lease, every, logger);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while renewing: the batch is done.
        }

        stop.Dispose();
    }

    private static async Task RunAsync(IServiceScopeFactory scopes, TimeProvider clock, Guid token, TimeSpan lease, TimeSpan every, ILogger logger, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var until = clock.GetUtcNow().UtcDateTime + lease;
                await db.Deliveries
                    .Where(d => d.ClaimToken == token && d.State == DeliveryState.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntilUtc, until), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy database: the next tick tries again, and the lease still has time left.
                logger.LogWarning(ex, "The claim {ClaimToken} could not be renewed", token);
            }
        }
    }
}
