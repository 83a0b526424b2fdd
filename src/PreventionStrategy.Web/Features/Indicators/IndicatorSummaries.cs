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

    public static async Task<IReadOnlyList<IndicatorSummary>> LoadAsync(IQueryable<Indicator> indicators, CancellationToken cancellationToken, int limit = int.MaxValue)
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
                Recent = i.Measurements.OrderByDescending(m => m.Period.Start).Take(RecentPeriods)
                    .Select(m => new { m.Period, m.Total, m.IsFinal }).ToList(),
                First = i.Measurements.OrderBy(m => m.Period.Start).Take(1)
                    .Select(m => new { m.Period, m.Total, m.IsFinal }).ToList(),
                Targets = i.Targets.OrderBy(t => t.Year).ToList(),
            })
            .ToListAsync(cancellationToken);

        return rows.Select(row =>
        {
            var recent = row.Recent.Select(m => new IndicatorPoint(m.Period, m.Total, m.IsFinal)).OrderBy(p => p.Period.Start).ToList();
            var series = row.First.Select(m => new IndicatorPoint(m.Period, m.Total, m.IsFinal))
                .Where(first => recent.All(p => !p.Period.Equals(first.Period)))
                .Concat(recent).ToList();
            var assessment = IndicatorAssessment.Of(row.Kind, row.Direction, row.BaselineValue, row.BaselinePeriod, row.Targets, series);
            return new IndicatorSummary(
                row.Id, row.SortOrder, row.Name, row.Kind, row.Unit, row.Frequency, row.Direction, row.IsExampleData, row.Source, row.OwnerName,
                row.FocusAreaIds, recent, row.Targets, row.BaselineValue, row.BaselinePeriod, assessment);
        }).ToList();
    }
}
