using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>The dashboard's Effekt panel: the first target indicators with the watch indicators beside them.</summary>
public sealed record EffectPanel(IReadOnlyList<IndicatorSummary> Targets, int TargetCount, IReadOnlyList<IndicatorSummary> Watched, int WatchCount)
{
    /// <summary>The panel shows this many of each kind; the list of indicators has the rest.</summary>
    public const int Limit = 6;

    public static readonly EffectPanel Empty = new([], 0, [], 0);

    public bool IsEmpty => TargetCount == 0 && WatchCount == 0;

    /// <summary>A fixed number of SQL commands, whatever the number of indicators and figures.</summary>
    public static async Task<EffectPanel> LoadAsync(AppDbContext db, int strategyId, CancellationToken cancellationToken)
    {
        // The ids in panel order first (a plan has at most a few hundred indicators), then one load of the chosen few.
        var all = await db.Indicators.AsNoTracking().Where(i => i.StrategyId == strategyId)
            .OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Kind })
            .ToListAsync(cancellationToken);
        if (all.Count == 0)
        {
            return Empty;
        }

        var targetIds = all.Where(i => i.Kind == IndicatorKind.Target).Select(i => i.Id).ToList();
        var watchIds = all.Where(i => i.Kind == IndicatorKind.Watch).Select(i => i.Id).ToList();
        var shown = targetIds.Take(Limit).Concat(watchIds.Take(Limit)).ToList();
        var summaries = await IndicatorSummaries.LoadAsync(db, db.Indicators.Where(i => shown.Contains(i.Id)), cancellationToken);
        return new EffectPanel(
            summaries.Where(s => s.Kind == IndicatorKind.Target).ToList(),
            targetIds.Count,
            summaries.Where(s => s.Kind == IndicatorKind.Watch).ToList(),
            watchIds.Count);
    }
}
