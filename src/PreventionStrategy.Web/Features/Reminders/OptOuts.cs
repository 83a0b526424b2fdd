using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>Who has opted out of reminders; both ways are safe to repeat (a second click changes nothing).</summary>
public sealed class OptOuts(AppDbContext db, TimeProvider clock)
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// Whether an opt-out stops a message of this kind. Reminders stop; the update or cancellation
    /// of an invitation the address already holds still goes, so its calendar does not keep an
    /// event that moved or is off, unless the address opted out of that too.
    /// </summary>
    /// <param name="alsoInvitationChanges">Null when the address has not opted out.</param>
    public static bool Stops(Outbox.DeliveryKind kind, bool? alsoInvitationChanges) => alsoInvitationChanges switch
    {
        null => false,
        true => true,
        false => kind is not (Outbox.DeliveryKind.EventUpdate or Outbox.DeliveryKind.EventCancellation),
    };

    /// <summary>Null when the address gets reminders; else whether it also opted out of changes to invitations it holds.</summary>
    public async Task<bool?> OptedOutAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        var row = await db.ReminderOptOuts.AsNoTracking().FirstOrDefaultAsync(o => o.Email == normalized, cancellationToken);
        return row?.AlsoInvitationChanges;
    }

    /// <param name="alsoInvitationChanges">Also no update or cancellation of invitations the address already holds.</param>
    public async Task OptOutAsync(string email, bool alsoInvitationChanges, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        if (await db.ReminderOptOuts.AnyAsync(o => o.Email == normalized, cancellationToken))
        {
            await db.ReminderOptOuts.Where(o => o.Email == normalized)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.AlsoInvitationChanges, alsoInvitationChanges), cancellationToken);
            return;
        }

        db.ReminderOptOuts.Add(new ReminderOptOut { Email = normalized, OptedOutAtUtc = clock.GetUtcNow().UtcDateTime, AlsoInvitationChanges = alsoInvitationChanges });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two clicks at once: fine if the other one stored it, a real fault otherwise.
            db.ChangeTracker.Clear();
            if (!await db.ReminderOptOuts.AnyAsync(o => o.Email == normalized, cancellationToken))
            {
                throw;
            }
        }
    }

    public Task OptInAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        return db.ReminderOptOuts.Where(o => o.Email == normalized).ExecuteDeleteAsync(cancellationToken);
    }
}
