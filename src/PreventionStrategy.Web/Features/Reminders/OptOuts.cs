using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>Who has opted out of reminders; both ways are safe to repeat (a second click changes nothing).</summary>
public sealed class OptOuts(AppDbContext db, TimeProvider clock)
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public Task<bool> IsOptedOutAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        return db.ReminderOptOuts.AnyAsync(o => o.Email == normalized, cancellationToken);
    }

    public async Task OptOutAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        if (await db.ReminderOptOuts.AnyAsync(o => o.Email == normalized, cancellationToken))
        {
            return;
        }

        db.ReminderOptOuts.Add(new ReminderOptOut { Email = normalized, OptedOutAtUtc = clock.GetUtcNow().UtcDateTime });
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
