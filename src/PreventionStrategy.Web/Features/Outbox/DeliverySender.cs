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
/// row claimed; when the claim is released the message is sent again (with the same Message-ID).
/// That window is the time of one UPDATE, and it is the only way a message can arrive twice. The
/// rest of the dead run's batch waits until its claim is released: at once by a run on the same
/// host (the holder's process is gone, see <see cref="ClaimOwners"/>), otherwise when the lease
/// runs out, at most <see cref="ClaimLease"/> after the holder died, since it renews the claim
/// every <see cref="RenewEvery"/> while it sends.
/// </remarks>
public sealed class DeliverySender(AppDbContext db, DeliveryComposer composer, MailTransport transport, TimeProvider clock, IOptions<ReminderOptions> options, IServiceScopeFactory scopes, ILogger<DeliverySender> logger)
{
    /// <summary>How long a claim holds without renewal: short, so a crashed run's batch is retried soon.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>How often a run renews its claim while it sends: a slow server does not let the lease run out under it.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    private readonly ReminderOptions options = options.Value;

    public async Task<SendReport> SendDueAsync(CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0, retrying = 0, skipped = 0;
        await using var session = transport.OpenSession();
        while (await ClaimAsync(cancellationToken) is { Count: > 0 } batch)
        {
            await using var renewal = ClaimRenewal.Start(scopes, clock, batch[0].ClaimToken!.Value, ClaimLease, RenewEvery, logger);
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
                        await RecordInvitationAsync(delivery, composition.Invitation, delivery.SentAtUtc.Value, cancellationToken);
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
                delivery.ClaimedBy = null;
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
        }

        return new SendReport(sent, failed, retrying, skipped, session.ConnectionsOpened);
    }

    /// <summary>1, 2, 4, 8 … times the configured delay.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(options.RetryDelaySeconds * Math.Pow(2, Math.Max(0, attempts - 1)));

    /// <summary>What the recipient's calendar now holds, saved with the delivery's own row.</summary>
    private async Task RecordInvitationAsync(Delivery delivery, InvitationSent? invitation, DateTime sentAtUtc, CancellationToken cancellationToken)
    {
        if (invitation is null)
        {
            return;
        }

        var email = OptOuts.Normalize(delivery.RecipientEmail);
        var held = await db.SentInvitations.FirstOrDefaultAsync(h => h.MilestoneId == invitation.MilestoneId && h.Email == email, cancellationToken);
        if (held is null)
        {
            held = new SentInvitation { MilestoneId = invitation.MilestoneId, Email = email, Title = invitation.Title, OrganizerEmail = invitation.OrganizerEmail };
            db.SentInvitations.Add(held);
        }

        invitation.ApplyTo(held, delivery.RecipientName, sentAtUtc);
    }

    private async Task<List<Delivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        // Rows tracked from earlier in this scope (the planner's inserts) would be returned as they were, hiding the claim just written.
        db.ChangeTracker.Clear();
        var nowUtc = clock.GetUtcNow().UtcDateTime;

        // Claims still in their lease whose holder on this host is gone: released now rather than when the lease runs out.
        var holders = await db.Deliveries
            .Where(d => d.State == DeliveryState.Pending && d.ClaimedUntilUtc >= nowUtc && d.ClaimedBy != null)
            .Select(d => d.ClaimedBy!).Distinct().ToListAsync(cancellationToken);
        var gone = holders.Where(ClaimOwners.IsGone).ToList();
        if (gone.Count > 0)
        {
            logger.LogInformation("Claims held by {Holders}, which no longer run(s), are released", string.Join(", ", gone));
        }

        var candidates = await db.Deliveries
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAtUtc <= nowUtc && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < nowUtc || gone.Contains(d.ClaimedBy!)))
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
            .Where(d => candidates.Contains(d.Id) && d.State == DeliveryState.Pending && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < nowUtc || gone.Contains(d.ClaimedBy!)))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntilUtc, until).SetProperty(d => d.ClaimedBy, ClaimOwners.Current), cancellationToken);
        return await db.Deliveries.Where(d => d.ClaimToken == token).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
