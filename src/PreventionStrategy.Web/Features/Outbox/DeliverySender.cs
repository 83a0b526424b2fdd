using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Reminders;

namespace PreventionStrategy.Web.Features.Outbox;

public sealed record SendReport(int Sent, int Failed, int Retrying, int Skipped, int ConnectionsOpened);

/// <summary>
/// Sends the pending deliveries that are due, a claimed batch at a time over one connection.
/// Claiming is one UPDATE that only takes unclaimed rows, so two runs (or two servers) never send
/// the same delivery; each result is saved right after its message, in its own short transaction.
/// </summary>
/// <remarks>
/// A run that dies after the server accepted a message but before its row was saved leaves the
/// row claimed; when the claim runs out the message is sent again. That window is the time of one
/// UPDATE, and it is the only way a message can arrive twice.
/// </remarks>
public sealed class DeliverySender(AppDbContext db, DeliveryComposer composer, MailTransport transport, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<DeliverySender> logger)
{
    /// <summary>How long a claim holds: far longer than a batch takes, short enough that a crashed run's batch is retried soon.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private readonly ReminderOptions options = options.Value;

    public async Task<SendReport> SendDueAsync(CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0, retrying = 0, skipped = 0;
        await using var session = transport.OpenSession();
        while (await ClaimAsync(cancellationToken) is { Count: > 0 } batch)
        {
            var compositions = await composer.ComposeAsync(batch, cancellationToken);
            foreach (var delivery in batch)
            {
                var composition = compositions[delivery.Id];
                var nowUtc = clock.GetUtcNow().UtcDateTime;
                if (composition.Broken)
                {
                    delivery.State = DeliveryState.Failed;
                    delivery.LastError = Truncate(composition.SkipReason ?? string.Empty, 1000);
                    failed++;
                }
                else if (composition.Message is null)
                {
                    delivery.State = DeliveryState.Skipped;
                    delivery.LastError = composition.SkipReason;
                    skipped++;
                }
                else
                {
                    delivery.Subject = Truncate(composition.Message.Subject ?? string.Empty, 300);
                    delivery.Attempts++;
                    try
                    {
                        await session.SendAsync(composition.Message, cancellationToken);
                        delivery.State = DeliveryState.Sent;
                        delivery.SentAtUtc = clock.GetUtcNow().UtcDateTime;
                        delivery.EventSequence = composition.EventSequence;
                        delivery.LastError = null;
                        sent++;
                    }
                    catch (MailSendException ex)
                    {
                        delivery.LastError = Truncate(ex.Message, 1000);
                        if (ex.Permanent || delivery.Attempts >= options.MaxAttempts)
                        {
                            delivery.State = DeliveryState.Failed;
                            failed++;
                            logger.LogWarning("Delivery {DeliveryId} failed for good after {Attempts} attempt(s): {Reason}", delivery.Id, delivery.Attempts, ex.Message);
                        }
                        else
                        {
                            delivery.NextAttemptAtUtc = nowUtc + RetryDelay(delivery.Attempts);
                            retrying++;
                            logger.LogInformation("Delivery {DeliveryId} will be retried at {NextAttempt:u}: {Reason}", delivery.Id, delivery.NextAttemptAtUtc, ex.Message);
                        }
                    }
                }

                delivery.ClaimToken = null;
                delivery.ClaimedUntilUtc = null;
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        return new SendReport(sent, failed, retrying, skipped, session.ConnectionsOpened);
    }

    /// <summary>1, 2, 4, 8 … times the configured delay.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(options.RetryDelaySeconds * Math.Pow(2, Math.Max(0, attempts - 1)));

    private async Task<List<Delivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        // Rows tracked from earlier in this scope (the planner's inserts) would be returned as they were, hiding the claim just written.
        db.ChangeTracker.Clear();
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Deliveries
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAtUtc <= nowUtc && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < nowUtc))
            .OrderBy(d => d.NextAttemptAtUtc).ThenBy(d => d.Id)
            .Select(d => d.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        // The condition is checked again inside the UPDATE: of two runs that picked the same rows, only one gets each.
        var token = Guid.NewGuid();
        var until = nowUtc + ClaimLease;
        await db.Deliveries
            .Where(d => candidates.Contains(d.Id) && d.State == DeliveryState.Pending && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntilUtc, until), cancellationToken);
        return await db.Deliveries.Where(d => d.ClaimToken == token).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
