namespace PreventionStrategy.Web.Features.Stakeholders;

/// <summary>The stakeholder list's filters, from the query string (<c>?q=&amp;kind=&amp;external=</c>).</summary>
public sealed class StakeholderFilter
{
    public const int MaxSearchLength = 200;

    /// <summary>Part of the name, any case.</summary>
    public string? Q { get; set; }

    public StakeholderKind? Kind { get; set; }

    /// <summary>True: external only; false: internal only; null: both.</summary>
    public bool? External { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && Kind is null && External is null;

    public IQueryable<Stakeholder> Apply(IQueryable<Stakeholder> stakeholders)
    {
        if (Kind is { } kind)
        {
            stakeholders = stakeholders.Where(s => s.Kind == kind);
        }

        if (External is { } external)
        {
            stakeholders = stakeholders.Where(s => s.IsExternal == external);
        }

        var term = Q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            // SQLite's lower() folds only A-Z, so the Danish capitals are folded by hand: "øjvind" finds "Øjvind".
            term = term[..Math.Min(term.Length, MaxSearchLength)].ToLowerInvariant();
            stakeholders = stakeholders.Where(s => s.Name.ToLower().Replace("Æ", "æ").Replace("Ø", "ø").Replace("Å", "å").Replace("É", "é").Contains(term));
        }

        return stakeholders;
    }
}
