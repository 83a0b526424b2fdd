using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Stakeholders;

/// <summary>
/// An organisational unit or a person who takes part in the plan. Stakeholders need no login;
/// reminders reach them by email. A person's <see cref="UnitId"/> is the unit they belong to, a
/// unit's is its parent unit.
/// </summary>
public sealed class Stakeholder : Entity
{
    public StakeholderKind Kind { get; set; }

    public required string Name { get; set; }

    public string? Title { get; set; }

    public string? Email { get; set; }

    public bool IsExternal { get; set; }

    public string? Description { get; set; }

    public int? UnitId { get; set; }

    public Stakeholder? Unit { get; set; }

    public List<Stakeholder> Members { get; set; } = [];
}

public enum StakeholderKind
{
    Unit,
    Person,
}
