using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Email;
using PreventionStrategy.Web.Features.Metrics;
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
/// That window is the time of one UPDATE, and it is the only way a message can arrive twice. A run
/// that is stopped (the site shutting down) or fails releases what it has not sent at once. The
/// rest of a dead run's batch waits until its claim is released: at once when the holder is known
/// to be gone (see <see cref="ClaimHolders"/>), otherwise when the lease runs out, at most
/// <see cref="ClaimLease"/> after the holder died, since it renews the claim every
/// <see cref="RenewEvery"/> while it sends. Claims are small (<see cref="ReminderOptions.BatchSize"/>)
/// so little waits; the connection stays open from one claim to the next.
/// </remarks>
public sealed class DeliverySender(AppDbContext db, DeliveryComposer composer, MailTransport transport, TimeProvider clock, IOptions<ReminderOptions> options, ClaimHolders claimHolders, IServiceScopeFactory scopes, ILogger<DeliverySender> logger)
{
    /// <summary>How long a claim holds without renewal: short, so a crashed run's batch is retried soon.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>How often a run renews its claim while it sends: a slow server does not let the lease run out under it.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    private readonly ReminderOptions options = options.Value;

    public async Task<SendReport> SendDueAsync(CancellationToken cancellationToken)
    {
        var tally = new Tally();
        await using var session = transport.OpenSession();

        // Only what was due when the run began: a message that fails in this run is retried by a later one, however
        // short the delay, so a run ends after what it found and does not retry a failing recipient in a loop.
        var dueByUtc = clock.GetUtcNow().UtcDateTime;
        while (await ClaimAsync(dueByUtc, cancellationToken) is { Count: > 0 } batch)
        {
            var token = batch[0].ClaimToken!.Value;
            await using var renewal = ClaimRenewal.Start(scopes, clock, token, ClaimLease, RenewEvery, logger);
            try
            {
                await SendBatchAsync(batch, session, tally, cancellationToken);
            }
            catch
            {
                // Stopped (the site shuts down) or failed half-way: what was not sent is free for the next run now, not when the lease ends.
                await ReleaseAsync(token);
                throw;
            }

            db.ChangeTracker.Clear();
        }

        return new SendReport(tally.Sent, tally.Failed, tally.Retrying, tally.Skipped, session.ConnectionsOpened);
    }

    private async Task SendBatchAsync(List<Delivery> batch, IMailSession session, Tally tally, CancellationToken cancellationToken)
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
                tally.Failed++;
                SiteMeter.DeliveryFailed(delivery.Kind.ToString());
            }
            else if (composition.Message is null)
            {
                delivery.State = DeliveryState.Skipped;
                delivery.LastError = composition.SkipReason;
                tally.Skipped++;
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
                    tally.Sent++;
                    SiteMeter.DeliverySent(delivery.Kind.ToString());
                }
                catch (MailSendException ex)
                {
                    delivery.LastError = Truncate(ex.Message, 1000);
                    if (ex.Permanent || delivery.Attempts >= options.MaxAttempts)
                    {
                        delivery.State = DeliveryState.Failed;
                        tally.Failed++;
                        SiteMeter.DeliveryFailed(delivery.Kind.ToString());
                        logger.LogWarning("Delivery {DeliveryId} failed for good after {Attempts} attempt(s): {Reason}", delivery.Id, delivery.Attempts, ex.Message);
                    }
                    else
                    {
                        delivery.NextAttemptAtUtc = nowUtc + RetryDelay(delivery.Attempts);
                        tally.Retrying++;
                        SiteMeter.DeliveryRetrying(delivery.Kind.ToString());
                        logger.LogInformation("Delivery {DeliveryId} will be retried at {NextAttempt:u}: {Reason}", delivery.Id, delivery.NextAttemptAtUtc, ex.Message);
                    }
                }
            }

            delivery.ClaimToken = null;
            delivery.ClaimedUntilUtc = null;
            delivery.ClaimedBy = null;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Gives up the claim on what this run has not sent; with no token to cancel, as it runs while stopping.</summary>
    private async Task ReleaseAsync(Guid token)
    {
        try
        {
            db.ChangeTracker.Clear();
            var released = await db.Deliveries
                .Where(d => d.ClaimToken == token && d.State == DeliveryState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, (Guid?)null).SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null).SetProperty(d => d.ClaimedBy, (string?)null), CancellationToken.None);
            logger.LogInformation("Sending stopped half-way; {Released} claimed message(s) released for the next run", released);
        }
        catch (Exception ex)
        {
            // The database is what failed: the lease releases them instead.
            logger.LogWarning(ex, "The claim {ClaimToken} could not be released; it ends with its lease", token);
        }
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

    private async Task<List<Delivery>> ClaimAsync(DateTime dueByUtc, CancellationToken cancellationToken)
    {
        // Rows tracked from earlier in this scope (the planner's inserts) would be returned as they were, hiding the claim just written.
        db.ChangeTracker.Clear();
        var nowUtc = clock.GetUtcNow().UtcDateTime;

        // Claims still in their lease whose holder on this host is gone: released now rather than when the lease runs out.
        var holders = await db.Deliveries
            .Where(d => d.State == DeliveryState.Pending && d.ClaimedUntilUtc >= nowUtc && d.ClaimedBy != null)
            .Select(d => d.ClaimedBy!).Distinct().ToListAsync(cancellationToken);
        var gone = claimHolders.Gone(holders);
        if (gone.Count > 0)
        {
            logger.LogInformation("Claims held by {Holders}, which no longer run(s), are released", string.Join(", ", gone));
        }

        var candidates = await db.Deliveries
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAtUtc <= dueByUtc && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < nowUtc || gone.Contains(d.ClaimedBy!)))
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
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntilUtc, until).SetProperty(d => d.ClaimedBy, ClaimHolders.Current), cancellationToken);
        return await db.Deliveries.Where(d => d.ClaimToken == token).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    private sealed class Tally
    {
        public int Sent { get; set; }

        public int Failed { get; set; }

        public int Retrying { get; set; }

        public int Skipped { get; set; }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
