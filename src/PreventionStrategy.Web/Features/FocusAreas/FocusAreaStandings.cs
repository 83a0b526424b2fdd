using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.FocusAreas;

/// <summary>The status of focus areas for the web pages, by the same rule and override as the briefing. Two SQL commands however many areas.</summary>
public static class FocusAreaStandings
{
    public static async Task<Dictionary<int, FocusAreaStanding>> LoadAsync(AppDbContext db, IQueryable<FocusArea> areas, DateOnly today, CancellationToken cancellationToken)
    {
        var overrides = await areas.AsNoTracking()
            .Select(f => new { f.Id, f.StatusOverride, f.StatusOverrideJustification, f.StatusOverrideByName, f.StatusOverrideAtUtc })
            .ToListAsync(cancellationToken);
        var ids = overrides.Select(o => o.Id).ToList();
        var counts = await db.Milestones.AsNoTracking()
            .SelectMany(m => m.FocusAreas.Where(f => ids.Contains(f.Id)), (m, f) => new { FocusAreaId = f.Id, m.Status, m.ForecastDate, m.Timing.End })
            .GroupBy(x => new
            {
                x.FocusAreaId,
                x.Status,
                Overdue = x.Status != MilestoneStatus.Done && x.Status != MilestoneStatus.Cancelled && (x.ForecastDate ?? x.End) < today,
            })
            .Select(g => new StateCount(g.Key.FocusAreaId, g.Key.Status, g.Key.Overdue, g.Count()))
            .ToListAsync(cancellationToken);
        return overrides.ToDictionary(
            o => o.Id,
            o => new FocusAreaStanding(
                FocusAreaStatusRule.Of(StrategyVerdict.Of(counts.Where(c => c.Key == o.Id))),
                o.StatusOverride,
                o.StatusOverrideJustification,
                o.StatusOverrideByName,
                o.StatusOverrideAtUtc));
    }
}
