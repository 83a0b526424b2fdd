using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// What one page of the milestone list reads for a filter, sort and page, the same for every reader, so it is kept as one
/// read model (<see cref="PageCache.ReadModels"/>). Who may update which row is left to the page. Six SQL commands
/// whatever the size of the plan. The options are only read (the page makes its own items from them).
/// </summary>
public sealed record MilestoneListData(
    StrategyHeading Strategy,
    DateOnly Today,
    int TotalCount,
    IReadOnlyList<MilestoneRow> Rows,
    IReadOnlyList<SelectListItem> FocusAreaOptions,
    IReadOnlyList<SelectListItem> OwnerOptions)
{
    /// <summary>The read model's key: everything <see cref="LoadAsync"/> depends on besides the data and the day.</summary>
    public static string Key(MilestoneFilter filter) => "milestones|" + filter.ReadModelKey(listOrder: true);

    /// <summary>Null when the strategy asked for (or, without one, any strategy) does not exist.</summary>
    /// <param name="filter">Already cleaned of values that could not be used and with a page number of at least 1; its strategy is set to the one found.</param>
    public static async Task<MilestoneListData?> LoadAsync(AppDbContext db, MilestoneFilter filter, int pageSize, DateOnly today, CancellationToken cancellationToken)
    {
        var strategy = await CurrentStrategy.FindAsync(db, filter.StrategyId, cancellationToken);
        if (strategy is null)
        {
            return null;
        }

        filter.StrategyId = strategy.Id;
        var filtered = filter.Apply(db.Milestones.AsNoTracking(), today);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await db.WithFocusAreasAsync(
            await filter.Order(filtered).Skip(Shared.Paging.Offset(filter.PageNumber, pageSize)).Take(pageSize).ToRows().ToListAsync(cancellationToken),
            cancellationToken);

        var focusAreas = await db.FocusAreas.AsNoTracking()
            .Where(f => f.StrategyId == strategy.Id)
            .OrderBy(f => f.SortOrder)
            .Select(f => new SelectListItem($"{f.SortOrder}. {f.Title}", f.Id.ToString(CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);
        var owners = await db.Milestones.AsNoTracking()
            .Where(m => m.StrategyId == strategy.Id && m.Owner != null)
            .Select(m => new { m.Owner!.Id, m.Owner.FullName })
            .Distinct()
            .OrderBy(o => o.FullName)
            .Select(o => new SelectListItem(o.FullName, o.Id))
            .ToListAsync(cancellationToken);
        return new MilestoneListData(strategy, today, total, rows, focusAreas, owners);
    }
}
