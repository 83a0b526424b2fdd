using Hangfire;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Outbox;
using PreventionStrategy.Web.Features.Reminders;

namespace PreventionStrategy.Web.Features.Identity.Users;

/// <summary>
/// An invitation is a password-reset token sent as a set-password link: the administrator never
/// sees or chooses the password, and the link dies once used or after seven days. The mail goes
/// through the delivery table like every other email: the page answers at once and the same
/// whatever the mail server does (so <i>Glemt adgangskode</i> cannot tell accounts apart), and a
/// message the server refused is retried. The sending job is started at once; it composes the
/// message (<see cref="AccountMessages"/>) when it sends.
/// </summary>
public sealed class UserInvitations(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public Task SendAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        QueueAsync(user, DeliveryKind.Invitation, cancellationToken);

    /// <summary>The same set-password link, worded for someone who asked for it or whose password an administrator reset.</summary>
    public Task SendPasswordResetAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        QueueAsync(user, DeliveryKind.PasswordReset, cancellationToken);

    private async Task QueueAsync(ApplicationUser user, DeliveryKind kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // Every request is its own message: asking twice sends twice, as the person expects.
        db.Deliveries.Add(new Delivery
        {
            Key = $"{kind}:{user.Id}:{Guid.NewGuid():N}",
            Kind = kind,
            UserId = user.Id,
            RecipientEmail = user.Email ?? throw new InvalidOperationException("The user has no email address."),
            RecipientName = user.FullName,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<ReminderJob>(job => job.SendPendingAsync(CancellationToken.None));
    }
}
