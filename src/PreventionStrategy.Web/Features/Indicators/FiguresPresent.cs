using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>Which (indicator, period) pairs already have a figure: the request planner's and the digest's question.</summary>
public static class FiguresPresent
{
    /// <summary>One query for all the indicators and period keys asked about (it may return pairs not asked for; look up the ones wanted).</summary>
    public static async Task<HashSet<(int IndicatorId, string PeriodKey)>> LoadAsync(
        AppDbContext db, IReadOnlyCollection<int> indicatorIds, IReadOnlyCollection<string> periodKeys, CancellationToken cancellationToken) =>
        (await db.IndicatorMeasurements.AsNoTracking()
            .Where(m => indicatorIds.Contains(m.IndicatorId) && periodKeys.Contains(m.PeriodKey))
            .Select(m => new { m.IndicatorId, m.PeriodKey })
            .ToListAsync(cancellationToken))
        .Select(m => (m.IndicatorId, m.PeriodKey)).ToHashSet();
}
