using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Stakeholders;

/// <summary>
/// Units with their members nested under them, then persons without a unit. One SQL command: the
/// filtered stakeholders, each with its unit's name; the grouping is done in memory. A person who
/// matches the filter is shown under their unit even when the unit itself does not match.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public StakeholderFilter Filter { get; set; } = new();

    public IReadOnlyList<StakeholderGroup> Groups { get; private set; } = [];

    public IReadOnlyList<StakeholderRow> WithoutUnit { get; private set; } = [];

    public int Count { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        FilterValues.DropInvalid(ModelState);

        var rows = await Filter.Apply(db.Stakeholders.AsNoTracking())
            .Select(s => new StakeholderRow(
                s.Id,
                s.Kind,
                s.Name,
                s.Title,
                s.Email,
                s.IsExternal,
                s.UnitId,
                s.Unit == null ? null : s.Unit.Name,
                s.Members.Count))
            .ToListAsync(cancellationToken);

        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        Count = rows.Count;
        var units = rows.Where(r => r.Kind == StakeholderKind.Unit).ToDictionary(r => r.Id);
        var persons = rows.Where(r => r.Kind != StakeholderKind.Unit).ToList();
        var membersByUnit = persons.Where(p => p.UnitId is not null).ToLookup(p => p.UnitId!.Value);

        // Units that did not match but hold a matching person are shown as a heading only.
        var unitIds = units.Keys.Union(membersByUnit.Select(g => g.Key));
        Groups = unitIds
            .Select(id => units.TryGetValue(id, out var unit)
                ? new StakeholderGroup(id, unit.Name, unit, Sorted(membersByUnit[id]))
                : new StakeholderGroup(id, membersByUnit[id].First().UnitName ?? string.Empty, null, Sorted(membersByUnit[id])))
            .OrderBy(g => g.Name, comparer)
            .ToList();
        WithoutUnit = Sorted(persons.Where(p => p.UnitId is null));
        return Page();

        List<StakeholderRow> Sorted(IEnumerable<StakeholderRow> members) => members.OrderBy(m => m.Name, comparer).ToList();
    }
}

public sealed record StakeholderRow(int Id, StakeholderKind Kind, string Name, string? Title, string? Email, bool IsExternal, int? UnitId, string? UnitName, int MemberCount);

/// <summary>A unit and its matching members. <see cref="Unit"/> is null when the unit itself did not match the filter.</summary>
public sealed record StakeholderGroup(int UnitId, string Name, StakeholderRow? Unit, IReadOnlyList<StakeholderRow> Members);
