namespace PreventionStrategy.Web.Features.Milestones;

public enum MilestoneSort
{
    Timing,
    Title,
    Status,
    Kind,
    Owner,
    Progress,
}

/// <summary>The list's filters, from the query string so a filtered list can be bookmarked and shared.</summary>
public sealed class MilestoneFilter
{
    public int? StrategyId { get; set; }

    public int? FocusAreaId { get; set; }

    public MilestoneStatus? Status { get; set; }

    public MilestoneKind? Kind { get; set; }

    public string? OwnerId { get; set; }

    /// <summary>Period filters keep milestones whose planned period overlaps [From, To]: "1. kvartal 2025" is in February 2025.</summary>
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public bool OverdueOnly { get; set; }

    public MilestoneSort Sort { get; set; } = MilestoneSort.Timing;

    public bool Descending { get; set; }

    /// <summary>Not "page": Razor Pages keeps that route value for the page's own name, and a link with it would lose the number.</summary>
    public int PageNumber { get; set; } = 1;

    public IQueryable<Milestone> Apply(IQueryable<Milestone> milestones, DateOnly today)
    {
        if (StrategyId is { } strategyId)
        {
            milestones = milestones.Where(m => m.StrategyId == strategyId);
        }

        if (FocusAreaId is { } focusAreaId)
        {
            milestones = milestones.Where(m => m.FocusAreas.Any(f => f.Id == focusAreaId));
        }

        if (Status is { } status)
        {
            milestones = milestones.Where(m => m.Status == status);
        }

        if (Kind is { } kind)
        {
            milestones = milestones.Where(m => m.Kind == kind);
        }

        if (!string.IsNullOrEmpty(OwnerId))
        {
            milestones = milestones.Where(m => m.OwnerId == OwnerId);
        }

        if (From is { } from)
        {
            milestones = milestones.Where(m => m.Timing.End >= from);
        }

        if (To is { } to)
        {
            milestones = milestones.Where(m => m.Timing.Start <= to);
        }

        if (OverdueOnly)
        {
            milestones = milestones.Where(m => m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled
                && (m.ForecastDate ?? m.Timing.End) < today);
        }

        return milestones;
    }

    public IQueryable<Milestone> Order(IQueryable<Milestone> milestones)
    {
        // A period sorts by its first day, then the shorter period first: "13. december 2024" before "4. kvartal 2024" ends.
        var ordered = (Sort, Descending) switch
        {
            (MilestoneSort.Title, false) => milestones.OrderBy(m => m.Title),
            (MilestoneSort.Title, true) => milestones.OrderByDescending(m => m.Title),
            (MilestoneSort.Status, false) => milestones.OrderBy(m => m.Status),
            (MilestoneSort.Status, true) => milestones.OrderByDescending(m => m.Status),
            (MilestoneSort.Kind, false) => milestones.OrderBy(m => m.Kind),
            (MilestoneSort.Kind, true) => milestones.OrderByDescending(m => m.Kind),
            (MilestoneSort.Owner, false) => milestones.OrderBy(m => m.Owner!.FullName),
            (MilestoneSort.Owner, true) => milestones.OrderByDescending(m => m.Owner!.FullName),
            (MilestoneSort.Progress, false) => milestones.OrderBy(m => m.ProgressPercent),
            (MilestoneSort.Progress, true) => milestones.OrderByDescending(m => m.ProgressPercent),
            (_, false) => milestones.InListOrder(),
            (_, true) => milestones.OrderByDescending(m => m.Timing.Start).ThenByDescending(m => m.Timing.End).ThenByDescending(m => m.Title),
        };
        return ordered.ThenBy(m => m.Id);
    }

    /// <summary>
    /// The filter as text, for keeping what it selects (<see cref="PageCache.ReadModels"/>): every value <see cref="RouteValues"/>
    /// carries, so a filter field added there is part of the key too; the list's sort and page only when <paramref name="listOrder"/>.
    /// </summary>
    public string ReadModelKey(bool listOrder) => string.Join(
        '|',
        RouteValues()
            .Where(v => listOrder || v.Key is not ("sort" or "descending" or "pageNumber"))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"{v.Key}={v.Value}"));

    public IDictionary<string, string?> RouteValues(int? page = null, MilestoneSort? sort = null, bool? descending = null) =>
        new Dictionary<string, string?>
        {
            ["strategyId"] = StrategyId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["focusAreaId"] = FocusAreaId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = Status?.ToString(),
            ["kind"] = Kind?.ToString(),
            ["ownerId"] = OwnerId,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["overdueOnly"] = OverdueOnly ? "true" : null,
            ["sort"] = (sort ?? Sort).ToString(),
            ["descending"] = (descending ?? Descending) ? "true" : null,
            ["pageNumber"] = (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
}
