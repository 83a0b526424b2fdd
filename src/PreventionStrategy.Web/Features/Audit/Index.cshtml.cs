using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Security;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Audit;

/// <summary>
/// The audit trail for administrators: newest first, 50 to a page, searchable. At most five SQL
/// commands whatever the size of the trail: the count, the page, the users for the filter, and,
/// when the page needs them, the milestones it shows (to link each to its page or to the archive)
/// and the names of the things its foreign keys point to (one UNION ALL over their tables).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db, Display show, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    private const int MaxValueLength = 120;

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public IReadOnlyList<SelectListItem> UserOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> TypeOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FilterValues.DropInvalid(ModelState);

        Filter.PageNumber = Math.Max(1, Filter.PageNumber);
        var filtered = Filter.Apply(db.AuditEntries.AsNoTracking());
        TotalCount = await filtered.CountAsync(cancellationToken);
        var entries = await filtered
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip(Paging.Offset(Filter.PageNumber, PageSize)).Take(PageSize)
            .ToListAsync(cancellationToken);

        // Milestones are linked to their page while they exist, to the archive while archived, and not at all once deleted.
        var milestoneIds = entries.Select(MilestoneIdOf).OfType<int>().Distinct().ToList();
        var milestones = milestoneIds.Count == 0
            ? []
            : await db.Milestones.IgnoreQueryFilters().AsNoTracking()
                .Where(m => milestoneIds.Contains(m.Id))
                .ToDictionaryAsync(m => m.Id, m => m.IsArchived, cancellationToken);

        var parsed = entries.Select(e => (Entry: e, Changes: AuditChange.Parse(e.Changes))).ToList();
        var names = await ReferenceNamesAsync(parsed.SelectMany(p => p.Changes), cancellationToken);
        Rows = parsed.Select(p => new AuditRow(
                p.Entry.Id,
                DanishTime.FromUtc(p.Entry.AtUtc),
                UserText(p.Entry),
                p.Entry.Action,
                EntityTypeName(p.Entry.EntityType),
                p.Entry.Label,
                p.Entry.EntityId,
                Link(p.Entry, milestones),
                p.Changes.Select(c => new AuditChangeText(FieldName(c.Field), ChangeText(c, names))).ToList(),
                p.Entry.IpAddress))
            .ToList();

        UserOptions =
        [
            new SelectListItem(localizer["Audit.System"], AuditFilter.SystemUser, Filter.User == AuditFilter.SystemUser),
            .. await db.Users.AsNoTracking().OrderBy(u => u.FullName)
                .Select(u => new SelectListItem(u.FullName, u.Id, u.Id == Filter.User))
                .ToListAsync(cancellationToken),
        ];
        TypeOptions = AuditFilter.EntityTypes
            .Select(t => new SelectListItem(EntityTypeName(t), t, t == Filter.Type))
            .ToList();
    }

    private string EntityTypeName(string entityType) => Localized($"AuditEntity.{entityType}") ?? entityType;

    private static int? MilestoneIdOf(AuditEntry entry) => entry.EntityType switch
    {
        nameof(Milestone) or nameof(MilestoneStakeholder) when int.TryParse(entry.EntityId.Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        _ => null,
    };

    private string UserText(AuditEntry entry) =>
        entry.UserId is null && entry.UserName == SecurityEvents.AnonymousUserName ? localizer["Audit.Anonymous"]
            : entry.UserId is null && (entry.UserName is null || entry.UserName == AuditInterceptor.SystemUserName) ? localizer["Audit.System"]
            : entry.UserName ?? entry.UserId ?? string.Empty;

    private string? Link(AuditEntry entry, IReadOnlyDictionary<int, bool> milestones)
    {
        if (MilestoneIdOf(entry) is { } milestoneId)
        {
            return milestones.TryGetValue(milestoneId, out var archived)
                ? archived ? Url.Page("/Milestones/Archive") : Url.Page("/Milestones/Details", new { id = milestoneId })
                : null;
        }

        if (entry.Action == AuditAction.Deleted)
        {
            return null;
        }

        var page = entry.EntityType switch
        {
            "Strategy" => "/Plans/Dashboard",
            "FocusArea" => "/FocusAreas/Details",
            "Stakeholder" => "/Stakeholders/Details",
            "BudgetInitiative" => "/Budget/Edit",
            "Committee" => "/Committees/Edit",
            "CommitteeMeeting" => "/Committees/MeetingEdit",
            "MilestoneTask" => "/Milestones/TaskEdit",
            "ApplicationUser" => "/Identity/Users/Edit",
            SecurityEvents.EntityType when !entry.EntityId.Contains('@', StringComparison.Ordinal) && entry.EntityId != "-" => "/Identity/Users/Edit",
            _ => null,
        };
        return page is null ? null : Url.Page(page, new { id = entry.EntityId });
    }

    /// <summary>"Titel", "Tidspunkt, periode (nr.)": the audit's own name for a field, else the form's, else the field's own name.</summary>
    private string FieldName(string field)
    {
        if ((Localized($"AuditField.{field}") ?? Localized($"Field.{field}")) is { } name)
        {
            return name;
        }

        var dot = field.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? $"{FieldName(field[..dot])}, {FieldName(field[(dot + 1)..]).ToLower(CultureInfo.CurrentCulture)}" : field;
    }

    private string ChangeText(AuditChange change, IReadOnlyDictionary<(string Type, string Id), string> names) =>
        change.Kind == AuditChange.Kinds.Secret ? localizer["Audit.SecretChanged"]
            : change.Kind == AuditChange.Kinds.Fact ? ValueText(null, change.New, names)
            : $"{ValueText(change.Kind, change.Old, names)} → {ValueText(change.Kind, change.New, names)}";

    /// <summary>A stored value as the reader reads it: names for ids, enum names, yes/no, dates and Danish times in their language; long text cut short.</summary>
    private string ValueText(string? kind, string? value, IReadOnlyDictionary<(string Type, string Id), string> names)
    {
        if (value is null)
        {
            return "–";
        }

        switch (kind)
        {
            case not null when kind.StartsWith(AuditChange.Kinds.ReferencePrefix, StringComparison.Ordinal):
                return names.TryGetValue((kind[AuditChange.Kinds.ReferencePrefix.Length..], value), out var name) ? name : $"#{value}";
            case not null when kind.StartsWith(AuditChange.Kinds.EnumPrefix, StringComparison.Ordinal):
                return Localized($"{kind[AuditChange.Kinds.EnumPrefix.Length..]}.{value}") ?? value;
            case AuditChange.Kinds.Boolean:
                return localizer[value == "true" ? "Value.Yes" : "Value.No"];
            case AuditChange.Kinds.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return show.ShortDate(date);
            case AuditChange.Kinds.Time when TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time):
                return show.Time(time);
            case AuditChange.Kinds.Utc when DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment):
                return show.DateTime(DanishTime.FromUtc(moment));
            case AuditChange.Kinds.Role:
                return string.Join(", ", value.Split(", ").Select(role => Localized($"Role.{role}") ?? role));
        }

        return value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)] + "…";
    }

    /// <summary>The names of the users, milestones, stakeholders and other things the page's foreign keys point to, in one command.</summary>
    private async Task<IReadOnlyDictionary<(string Type, string Id), string>> ReferenceNamesAsync(IEnumerable<AuditChange> changes, CancellationToken cancellationToken)
    {
        var references = changes
            .Where(c => c.Kind is not null && c.Kind.StartsWith(AuditChange.Kinds.ReferencePrefix, StringComparison.Ordinal))
            .SelectMany(c => new[] { c.Old, c.New }.OfType<string>().Select(id => (Type: c.Kind![AuditChange.Kinds.ReferencePrefix.Length..], Id: id)))
            .ToHashSet();
        List<string> Strings(string type) => references.Where(r => r.Type == type).Select(r => r.Id).ToList();
        List<int> Numbers(string type) => references.Where(r => r.Type == type)
            .Select(r => int.TryParse(r.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>().ToList();

        IQueryable<ReferenceName>? query = null;
        void Add(int count, IQueryable<ReferenceName> names) => query = count == 0 ? query : query is null ? names : query.Concat(names);

        var users = Strings("ApplicationUser");
        Add(users.Count, db.Users.Where(u => users.Contains(u.Id)).Select(u => new ReferenceName { Type = "ApplicationUser", Id = u.Id, Name = u.FullName }));
        var milestones = Numbers("Milestone");
        Add(milestones.Count, db.Milestones.IgnoreQueryFilters().Where(m => milestones.Contains(m.Id)).Select(m => new ReferenceName { Type = "Milestone", Id = m.Id.ToString(), Name = m.Title }));
        var stakeholders = Numbers("Stakeholder");
        Add(stakeholders.Count, db.Stakeholders.Where(s => stakeholders.Contains(s.Id)).Select(s => new ReferenceName { Type = "Stakeholder", Id = s.Id.ToString(), Name = s.Name }));
        var focusAreas = Numbers("FocusArea");
        Add(focusAreas.Count, db.FocusAreas.Where(f => focusAreas.Contains(f.Id)).Select(f => new ReferenceName { Type = "FocusArea", Id = f.Id.ToString(), Name = f.Title }));
        var strategies = Numbers("Strategy");
        Add(strategies.Count, db.Strategies.Where(s => strategies.Contains(s.Id)).Select(s => new ReferenceName { Type = "Strategy", Id = s.Id.ToString(), Name = s.Name }));
        var committees = Numbers("Committee");
        Add(committees.Count, db.Committees.Where(c => committees.Contains(c.Id)).Select(c => new ReferenceName { Type = "Committee", Id = c.Id.ToString(), Name = c.Name }));
        var initiatives = Numbers("BudgetInitiative");
        Add(initiatives.Count, db.BudgetInitiatives.Where(b => initiatives.Contains(b.Id)).Select(b => new ReferenceName { Type = "BudgetInitiative", Id = b.Id.ToString(), Name = b.Title }));

        if (query is null)
        {
            return new Dictionary<(string, string), string>();
        }

        return (await query.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(n => (n.Type, n.Id), n => n.Name);
    }

    private string? Localized(string key)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? null : text.Value;
    }
}

public sealed record AuditRow(
    long Id,
    DateTime At,
    string User,
    AuditAction Action,
    string EntityType,
    string? Label,
    string EntityId,
    string? Link,
    IReadOnlyList<AuditChangeText> Changes,
    string? IpAddress);

public sealed record AuditChangeText(string Field, string Change);

/// <summary>A referenced entity's display name, as one row of the page's name lookup.</summary>
public sealed class ReferenceName
{
    public required string Type { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }
}
