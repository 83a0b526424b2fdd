using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Sharing;

public static class ShareMilestones
{
    /// <summary>The strategy's milestones (archived ones stay hidden by the global filter) in the order of their expected date.</summary>
    public static async Task<IReadOnlyList<ShareMilestone>> LoadAsync(AppDbContext db, int strategyId, bool showNames, CancellationToken cancellationToken)
    {
        var rows = await db.Milestones.AsNoTracking()
            .Where(m => m.StrategyId == strategyId)
            .Select(m => new
            {
                m.Id, m.Title, m.Timing, m.Status, m.ProgressPercent, ExpectedBy = m.ForecastDate ?? m.Timing.End,
                OwnerName = showNames && m.Owner != null ? m.Owner.FullName : null,
                FocusAreaIds = m.FocusAreas.Select(f => f.Id).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(m => m.Timing.Start).ThenBy(m => m.Timing.End).ThenBy(m => m.Id)
            .Select(m => new ShareMilestone(m.Id, m.Title, m.Timing, m.Status, m.ProgressPercent, m.ExpectedBy, m.OwnerName, m.FocusAreaIds))
            .ToList();
    }
}
