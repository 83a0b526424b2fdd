using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Reminders;

public sealed record Recipient(string Email, string Name);

/// <summary>
/// Who is reminded of an event: the persons invited as participant, organiser or speaker, and the
/// members of the invited units (the persons and the site's users in the unit or any unit under
/// it). One address gets one message, however many ways it is invited.
/// </summary>
public sealed class EventRecipients
{
    public static readonly StakeholderRole[] RolesReminded = [StakeholderRole.Participant, StakeholderRole.Organiser, StakeholderRole.Speaker];

    private readonly Dictionary<int, StakeholderRow> stakeholders;
    private readonly ILookup<int?, StakeholderRow> membersByUnit;
    private readonly ILookup<int?, Recipient> usersByUnit;

    private EventRecipients(List<StakeholderRow> stakeholders, List<(int? UnitId, Recipient Recipient)> users)
    {
        this.stakeholders = stakeholders.ToDictionary(s => s.Id);
        membersByUnit = stakeholders.ToLookup(s => s.UnitId);
        usersByUnit = users.ToLookup(u => u.UnitId, u => u.Recipient);
    }

    /// <summary>Two queries, whatever the number of events: everything needed to expand units is loaded once.</summary>
    public static async Task<EventRecipients> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var stakeholders = await db.Stakeholders.AsNoTracking()
            .Select(s => new StakeholderRow(s.Id, s.Kind, s.UnitId, s.Name, s.Email))
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.UnitId != null && !u.IsDisabled && u.Email != null)
            .Select(u => new { u.UnitId, u.Email, u.FullName })
            .ToListAsync(cancellationToken);
        return new EventRecipients(stakeholders, users.Select(u => (u.UnitId, new Recipient(u.Email!, u.FullName))).ToList());
    }

    public IReadOnlyList<Recipient> For(IEnumerable<MilestoneStakeholder> links)
    {
        var found = new Dictionary<string, Recipient>(StringComparer.OrdinalIgnoreCase);
        foreach (var link in links.Where(l => RolesReminded.Contains(l.Role)))
        {
            if (stakeholders.TryGetValue(link.StakeholderId, out var stakeholder))
            {
                Collect(stakeholder, found, []);
            }
        }

        return found.Values.OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// The other way round from <see cref="For"/>: the stakeholders whose invitation reaches this
    /// address — the persons with the address, the units above them, and the units above the site's
    /// user with the address. A milestone inviting any of them (in <see cref="RolesReminded"/>) sends
    /// the address a reminder, so a calendar feed built from this shows the same events.
    /// </summary>
    public IReadOnlySet<int> StakeholdersReaching(string email)
    {
        var reaching = new HashSet<int>();
        var persons = stakeholders.Values.Where(s => s.Kind == StakeholderKind.Person && SameAddress(s.Email, email)).ToList();
        foreach (var person in persons)
        {
            reaching.Add(person.Id);
            AddUnitsAbove(person.UnitId, reaching);
        }

        foreach (var unit in usersByUnit.Where(users => users.Any(u => SameAddress(u.Email, email))))
        {
            AddUnitsAbove(unit.Key, reaching);
        }

        return reaching;
    }

    private void AddUnitsAbove(int? unitId, HashSet<int> reaching)
    {
        // Collect descends only through units, so only units pass an invitation down; reaching.Add also stops a cycle.
        while (unitId is { } id && stakeholders.TryGetValue(id, out var unit) && unit.Kind == StakeholderKind.Unit && reaching.Add(id))
        {
            unitId = unit.UnitId;
        }
    }

    private static bool SameAddress(string? email, string address) =>
        email is not null && string.Equals(email.Trim(), address.Trim(), StringComparison.OrdinalIgnoreCase);

    private void Collect(StakeholderRow stakeholder, Dictionary<string, Recipient> found, HashSet<int> visited)
    {
        // A unit tree should have no cycles, but one typed wrong must not hang the job.
        if (!visited.Add(stakeholder.Id))
        {
            return;
        }

        if (stakeholder.Kind == StakeholderKind.Person)
        {
            Add(found, stakeholder.Email, stakeholder.Name);
            return;
        }

        foreach (var user in usersByUnit[stakeholder.Id])
        {
            Add(found, user.Email, user.Name);
        }

        foreach (var member in membersByUnit[stakeholder.Id])
        {
            Collect(member, found, visited);
        }
    }

    private static void Add(Dictionary<string, Recipient> found, string? email, string name)
    {
        if (!string.IsNullOrWhiteSpace(email))
        {
            found.TryAdd(email.Trim(), new Recipient(email.Trim(), name));
        }
    }

    private sealed record StakeholderRow(int Id, StakeholderKind Kind, int? UnitId, string Name, string? Email);
}
