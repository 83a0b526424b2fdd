using System.Globalization;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Audit;

/// <summary>The audit page's filters, from the query string so a search can be bookmarked and shared.</summary>
public sealed class AuditFilter
{
    public const int MaxSearchLength = 200;

    /// <summary>The value of <see cref="User"/> that selects changes nobody signed in made (the demo seed, the first-run setup).</summary>
    public const string SystemUser = "system";

    /// <summary>The entity types the audit trail records, by CLR name, in the order the type filter lists them.</summary>
    public static readonly IReadOnlyList<string> EntityTypes =
    [
        "Strategy",
        "StrategyKeyDate",
        "FocusArea",
        "Milestone",
        "MilestoneTask",
        "MilestoneStakeholder",
        "MilestoneStatusUpdate",
        "Stakeholder",
        "BudgetInitiative",
        "BudgetAmount",
        "Committee",
        "CommitteeMeeting",
        "ApplicationUser",
        "Security",
    ];

    /// <summary>Part of the label, the entity id, the user's name or the changes, any case.</summary>
    public string? Q { get; set; }

    public string? Type { get; set; }

    /// <summary>One entity's trail (with <see cref="Type"/>), as the archive page links to it.</summary>
    public string? EntityId { get; set; }

    /// <summary>A user id, or <see cref="SystemUser"/>.</summary>
    public string? User { get; set; }

    public AuditAction? Action { get; set; }

    /// <summary>Danish days, both included.</summary>
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>Not "page": Razor Pages keeps that route value for the page's own name, and a link with it would lose the number.</summary>
    public int PageNumber { get; set; } = 1;

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (!string.IsNullOrEmpty(Type))
        {
            entries = entries.Where(e => e.EntityType == Type);
        }

        if (!string.IsNullOrEmpty(EntityId))
        {
            entries = entries.Where(e => e.EntityId == EntityId);
        }

        if (User == SystemUser)
        {
            entries = entries.Where(e => e.UserId == null);
        }
        else if (!string.IsNullOrEmpty(User))
        {
            entries = entries.Where(e => e.UserId == User);
        }

        if (Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (From is { } from)
        {
            var fromUtc = StartOfDanishDay(from);
            entries = entries.Where(e => e.AtUtc >= fromUtc);
        }

        if (To is { } to && to < DateOnly.MaxValue)
        {
            var untilUtc = StartOfDanishDay(to.AddDays(1));
            entries = entries.Where(e => e.AtUtc < untilUtc);
        }

        var term = Q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            // SQLite's lower() folds only A-Z, so the Danish capitals are folded by hand: "øko" finds "Økonomi".
            term = term[..Math.Min(term.Length, MaxSearchLength)].ToLowerInvariant();
            entries = entries.Where(e =>
                (e.Label ?? string.Empty).ToLower().Replace("Æ", "æ").Replace("Ø", "ø").Replace("Å", "å").Replace("É", "é").Contains(term)
                || (e.UserName ?? string.Empty).ToLower().Replace("Æ", "æ").Replace("Ø", "ø").Replace("Å", "å").Replace("É", "é").Contains(term)
                || e.EntityId.ToLower().Contains(term)
                || (e.IpAddress ?? string.Empty).Contains(term)
                || e.Changes.ToLower().Replace("Æ", "æ").Replace("Ø", "ø").Replace("Å", "å").Replace("É", "é").Contains(term));
        }

        return entries;
    }

    public IDictionary<string, string?> RouteValues(int? page = null) =>
        new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["type"] = Type,
            ["entityId"] = EntityId,
            ["user"] = User,
            ["action"] = Action?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["pageNumber"] = (page ?? PageNumber).ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>Midnight in Copenhagen as UTC: the stored times are UTC, the days people pick are Danish.</summary>
    private static DateTime StartOfDanishDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), DanishTime.Zone);
}
