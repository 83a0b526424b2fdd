using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Stakeholders;

/// <summary>
/// Loads, checks and saves the stakeholder form. The unit tree is read in one query and walked in
/// memory: a unit may not be placed under itself or under one of its own sub-units.
/// </summary>
public sealed class StakeholderEditor(AppDbContext db, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The units the stakeholder can belong to, as "Parent › Unit": all units but the stakeholder itself and its sub-units.</summary>
    public async Task<IReadOnlyList<SelectListItem>> LoadUnitOptionsAsync(int? stakeholderId, CancellationToken cancellationToken)
    {
        var tree = await LoadUnitTreeAsync(cancellationToken);
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        return tree.Values
            .Where(u => stakeholderId is null || !tree.IsUnder(u.Id, stakeholderId.Value))
            .Select(u => new SelectListItem(tree.Path(u.Id), u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(o => o.Text, comparer)
            .ToList();
    }

    public static StakeholderInput ToInput(Stakeholder stakeholder) => new()
    {
        Version = stakeholder.Version,
        Kind = stakeholder.Kind,
        Name = stakeholder.Name,
        Title = stakeholder.Title,
        Email = stakeholder.Email,
        IsExternal = stakeholder.IsExternal,
        Description = stakeholder.Description,
        UnitId = stakeholder.UnitId,
    };

    public async Task ValidateAsync(StakeholderInput input, int? stakeholderId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (input.UnitId is { } unitId)
        {
            var tree = await LoadUnitTreeAsync(cancellationToken);
            if (!tree.ContainsKey(unitId))
            {
                modelState.AddModelError("Input.UnitId", localizer["Stakeholders.UnknownUnit"]);
            }
            else if (stakeholderId is { } id && tree.IsUnder(unitId, id))
            {
                modelState.AddModelError("Input.UnitId", localizer["Stakeholders.UnitCycle"]);
            }
        }

        // Only a unit can have members: a unit with members cannot become a person.
        if (input.Kind != StakeholderKind.Unit && stakeholderId is { } existing
            && await db.Stakeholders.AnyAsync(s => s.UnitId == existing, cancellationToken))
        {
            modelState.AddModelError("Input.Kind", localizer["Stakeholders.MembersMustBeUnit"]);
        }
    }

    public Stakeholder Apply(Stakeholder stakeholder, StakeholderInput input)
    {
        // The version the user saw: if someone saved since, SaveChanges refuses instead of overwriting.
        db.Entry(stakeholder).Property(s => s.Version).OriginalValue = input.Version;

        stakeholder.Kind = input.Kind;
        stakeholder.Name = input.Name.Trim();
        stakeholder.Title = Blank(input.Title);
        stakeholder.Email = Blank(input.Email);
        stakeholder.IsExternal = input.IsExternal;
        stakeholder.Description = Blank(input.Description);
        stakeholder.UnitId = input.UnitId;
        return stakeholder;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<UnitTree> LoadUnitTreeAsync(CancellationToken cancellationToken)
    {
        var units = await db.Stakeholders.AsNoTracking()
            .Where(s => s.Kind == StakeholderKind.Unit)
            .Select(s => new UnitNode(s.Id, s.Name, s.UnitId))
            .ToListAsync(cancellationToken);
        return new UnitTree(units);
    }

    private sealed record UnitNode(int Id, string Name, int? ParentId);

    private sealed class UnitTree(IEnumerable<UnitNode> units) : Dictionary<int, UnitNode>(units.ToDictionary(u => u.Id))
    {
        /// <summary>Whether <paramref name="unitId"/> is <paramref name="ancestorId"/> or lies somewhere below it.</summary>
        public bool IsUnder(int unitId, int ancestorId)
        {
            var seen = new HashSet<int>();
            for (int? current = unitId; current is { } id && seen.Add(id); current = TryGetValue(id, out var node) ? node.ParentId : null)
            {
                if (id == ancestorId)
                {
                    return true;
                }
            }

            return false;
        }

        public string Path(int unitId)
        {
            var names = new List<string>();
            var seen = new HashSet<int>();
            for (int? current = unitId; current is { } id && seen.Add(id) && TryGetValue(id, out var node); current = node.ParentId)
            {
                names.Add(node.Name);
            }

            names.Reverse();
            return string.Join(" › ", names);
        }
    }
}
