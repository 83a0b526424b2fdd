using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>An indicator as lists, the dashboard's Effekt panel and the briefing show it: its latest figures and verdict.</summary>
public sealed record IndicatorSummary(
    int Id,
    int SortOrder,
    string Name,
    IndicatorKind Kind,
    IndicatorUnit Unit,
    TimingPrecision Frequency,
    DesiredDirection Direction,
    bool IsExampleData,
    string? Source,
    string? OwnerName,
    IReadOnlyList<int> FocusAreaIds,
    IReadOnlyList<IndicatorPoint> Recent,
    IReadOnlyList<IndicatorTarget> Targets,
    decimal? BaselineValue,
    PlannedTiming? BaselinePeriod,
    IndicatorAssessment Assessment);

/// <summary>
/// Loads indicator summaries in a fixed number of SQL commands whatever the number of indicators and
/// measurements: the last <see cref="RecentPeriods"/> totals per indicator (for sparklines and the
/// change since the last period), its first total (the reference without a baseline) and its targets.
/// </summary>
public static class IndicatorSummaries
{
    public const int RecentPeriods = 12;

    public static async Task<IReadOnlyList<IndicatorSummary>> LoadAsync(AppDbContext db, IQueryable<Indicator> indicators, CancellationToken cancellationToken, int limit = int.MaxValue)
    {
        var rows = await indicators.AsNoTracking().AsSplitQuery()
            .OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Take(limit)
            .Select(i => new
            {
                i.Id,
                i.SortOrder,
                i.Name,
                i.Kind,
                i.Unit,
                i.Frequency,
                i.Direction,
                i.IsExampleData,
                i.Source,
                OwnerName = i.Owner == null ? null : i.Owner.FullName,
                i.BaselineValue,
                i.BaselinePeriod,
                FocusAreaIds = i.FocusAreas.Select(f => f.Id).ToList(),
                Targets = i.Targets.OrderBy(t => t.Year).ToList(),
            })
            .ToListAsync(cancellationToken);
        var points = (await EndsAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken)).ToLookup(m => m.IndicatorId);

        return rows.Select(row =>
        {
            var all = points[row.Id].OrderBy(m => m.Period.Start).ToList();
            var recent = all.TakeLast(RecentPeriods).Select(m => new IndicatorPoint(m.Period, m.Total, m.IsFinal)).ToList();
            var series = all.Take(1).Select(m => new IndicatorPoint(m.Period, m.Total, m.IsFinal))
                .Where(first => recent.All(p => !p.Period.Equals(first.Period)))
                .Concat(recent).ToList();
            var assessment = IndicatorAssessment.Of(row.Kind, row.Direction, row.BaselineValue, row.BaselinePeriod, row.Targets, series);
            return new IndicatorSummary(
                row.Id, row.SortOrder, row.Name, row.Kind, row.Unit, row.Frequency, row.Direction, row.IsExampleData, row.Source, row.OwnerName,
                row.FocusAreaIds, recent, row.Targets, row.BaselineValue, row.BaselinePeriod, assessment);
        }).ToList();
    }

    private sealed record EndPoint(int IndicatorId, PlannedTiming Period, decimal Total, bool IsFinal);

    /// <summary>
    /// Each indicator's first figure and its last <see cref="RecentPeriods"/>, found through the
    /// (indicator, period key) index: a period key sorts as its period does within one indicator
    /// (2020K1 &lt; 2020K2, 2020M09 &lt; 2020M10). At most 13 rows per indicator whatever its history,
    /// where a window over all measurements would read every figure of every strategy.
    /// </summary>
    private static async Task<List<EndPoint>> EndsAsync(AppDbContext db, List<int> ids, CancellationToken cancellationToken) =>
        await db.IndicatorMeasurements.AsNoTracking()
            .Where(m => ids.Contains(m.IndicatorId))
            // With fewer than RecentPeriods figures there is no such key, and every key is at least "".
            .Where(m => string.Compare(
                    m.PeriodKey,
                    db.IndicatorMeasurements.Where(o => o.IndicatorId == m.IndicatorId).OrderByDescending(o => o.PeriodKey).Select(o => o.PeriodKey).Skip(RecentPeriods - 1).FirstOrDefault() ?? "") >= 0
                || m.PeriodKey == db.IndicatorMeasurements.Where(o => o.IndicatorId == m.IndicatorId).Min(o => o.PeriodKey))
            .Select(m => new EndPoint(m.IndicatorId, m.Period, m.Total, m.IsFinal))
            .ToListAsync(cancellationToken);
}
