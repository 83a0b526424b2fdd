using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>Reads and stores per-address, per-list choices; storing the same choice twice changes nothing.</summary>
public sealed class MailPreferences(AppDbContext db, TimeProvider clock)
{
    /// <summary>Every stored choice of these addresses (normalised), for a batch.</summary>
    public static async Task<Dictionary<(string Email, MailList List), MailChoice>> ForAsync(AppDbContext db, IReadOnlyCollection<string> emails, CancellationToken cancellationToken) =>
        emails.Count == 0
            ? []
            : await db.MailPreferences.AsNoTracking().Where(p => emails.Contains(p.Email))
                .ToDictionaryAsync(p => (p.Email, p.List), p => p.Choice, cancellationToken);

    public async Task<IReadOnlyDictionary<MailList, MailChoice>> OfAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = OptOuts.Normalize(email);
        var stored = await db.MailPreferences.AsNoTracking().Where(p => p.Email == normalized).ToDictionaryAsync(p => p.List, p => p.Choice, cancellationToken);
        return MailLists.All.ToDictionary(list => list, list => stored.GetValueOrDefault(list, MailChoice.Immediately));
    }

    /// <returns>False when the list does not offer that choice (nothing is stored).</returns>
    public async Task<bool> SetAsync(string email, MailList list, MailChoice choice, MailPreferenceSource source, CancellationToken cancellationToken)
    {
        if (!MailLists.Choices(list).Contains(choice))
        {
            return false;
        }

        var normalized = OptOuts.Normalize(email);
        var row = await db.MailPreferences.FirstOrDefaultAsync(p => p.Email == normalized && p.List == list, cancellationToken);
        if (row is null)
        {
            db.MailPreferences.Add(new MailPreference { Email = normalized, List = list, Choice = choice, Source = source, ChangedAtUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (row.Choice != choice)
        {
            row.Choice = choice;
            row.Source = source;
            row.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        else
        {
            return true;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (row is null)
        {
            // Two clicks at once both inserting: the other one stored a row; store this choice on it.
            db.ChangeTracker.Clear();
            await db.MailPreferences.Where(p => p.Email == normalized && p.List == list)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Choice, choice).SetProperty(p => p.Source, source), cancellationToken);
        }

        return true;
    }
}
