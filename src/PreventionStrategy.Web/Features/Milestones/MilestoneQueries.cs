using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>The projections every milestone view shares, each a fixed number of SQL commands whatever the data size.</summary>
public static class MilestoneQueries
{
    /// <summary>The one order milestones are listed in unless the user picks another: by date, then title.</summary>
    public static IOrderedQueryable<Milestone> InListOrder(this IQueryable<Milestone> milestones) =>
        milestones.OrderBy(m => m.Timing.Start).ThenBy(m => m.Timing.End).ThenBy(m => m.Title).ThenBy(m => m.Id);

    public static IQueryable<MilestoneRow> ToRows(this IQueryable<Milestone> milestones) =>
        milestones.Select(m => new MilestoneRow(
            m.Id,
            m.StrategyId,
            m.Title,
            m.Kind,
            m.Timing,
            m.Status,
            m.ProgressPercent,
            m.ForecastDate,
            m.Owner == null ? null : m.Owner.FullName,
            m.OwnerId,
            m.Owner == null ? null : m.Owner.UnitId,
            m.Version,
            m.ProgressFromTasks));

    /// <summary>Adds the focus areas to rows already loaded: one query for all of them.</summary>
    public static async Task<List<MilestoneRow>> WithFocusAreasAsync(this AppDbContext db, List<MilestoneRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var links = await db.Milestones.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .SelectMany(m => m.FocusAreas, (m, f) => new { MilestoneId = m.Id, Tag = new FocusAreaTag(f.Id, f.SortOrder, f.Title) })
            .ToListAsync(cancellationToken);
        var byMilestone = links.ToLookup(l => l.MilestoneId, l => l.Tag);
        return rows.Select(r => r with { FocusAreas = byMilestone[r.Id].OrderBy(t => t.SortOrder).ToList() }).ToList();
    }
}
