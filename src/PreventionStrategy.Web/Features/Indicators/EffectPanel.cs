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
        var indicators = db.Indicators.Where(i => i.StrategyId == strategyId);
        var counts = await indicators.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var targetCount = counts.FirstOrDefault(c => c.Key == IndicatorKind.Target)?.Count ?? 0;
        var watchCount = counts.FirstOrDefault(c => c.Key == IndicatorKind.Watch)?.Count ?? 0;
        if (targetCount + watchCount == 0)
        {
            return Empty;
        }

        var targets = await IndicatorSummaries.LoadAsync(indicators.Where(i => i.Kind == IndicatorKind.Target), cancellationToken, Limit);
        var watched = await IndicatorSummaries.LoadAsync(indicators.Where(i => i.Kind == IndicatorKind.Watch), cancellationToken, Limit);
        return new EffectPanel(targets, targetCount, watched, watchCount);
    }
}
