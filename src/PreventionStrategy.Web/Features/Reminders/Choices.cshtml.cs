using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>For administrators: who opted out of what (or moved it to the digest), and who opted out of all reminders.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ChoicesModel(AppDbContext db) : PageModel
{
    public sealed record Row(string Email, string? Name, MailList List, MailChoice Choice, MailPreferenceSource Source, DateTime ChangedAtUtc);

    public sealed record AllRow(string Email, string? Name, bool AlsoInvitationChanges, DateTime OptedOutAtUtc);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<AllRow> AllOptOuts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var choices = await db.MailPreferences.AsNoTracking()
            .Where(p => p.Choice != MailChoice.Immediately)
            .OrderBy(p => p.Email).ThenBy(p => p.List)
            .ToListAsync(cancellationToken);
        var all = await db.ReminderOptOuts.AsNoTracking().OrderBy(o => o.Email).ToListAsync(cancellationToken);
        var emails = choices.Select(c => c.Email).Concat(all.Select(o => o.Email)).Distinct().ToList();
        var names = await NamesAsync(emails, cancellationToken);
        Rows = choices.Select(c => new Row(c.Email, names.GetValueOrDefault(c.Email), c.List, c.Choice, c.Source, c.ChangedAtUtc)).ToList();
        AllOptOuts = all.Select(o => new AllRow(o.Email, names.GetValueOrDefault(o.Email), o.AlsoInvitationChanges, o.OptedOutAtUtc)).ToList();
    }

    /// <summary>A user's or stakeholder's name for each address, where the site knows one.</summary>
    private async Task<Dictionary<string, string>> NamesAsync(List<string> emails, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && emails.Select(e => e.ToUpper()).Contains(u.NormalizedEmail))
            .Select(u => new { u.NormalizedEmail, u.FullName }).ToListAsync(cancellationToken);
        var names = users.GroupBy(u => u.NormalizedEmail!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().FullName);
        var persons = await db.Stakeholders.AsNoTracking().Where(s => s.Email != null && emails.Contains(s.Email.ToLower()))
            .Select(s => new { s.Email, s.Name }).ToListAsync(cancellationToken);
        foreach (var person in persons)
        {
            names.TryAdd(person.Email!.ToLowerInvariant(), person.Name);
        }

        return names;
    }
}
