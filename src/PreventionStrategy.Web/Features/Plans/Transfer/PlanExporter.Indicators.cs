using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Indicators;

namespace PreventionStrategy.Web.Features.Plans.Transfer;

/// <summary>A strategy's indicators as the plan format writes them, in a stable order so an export round-trips byte for byte.</summary>
public static class PlanIndicatorExport
{
    public static async Task<IReadOnlyList<PlanIndicator>> ExportAsync(AppDbContext db, int strategyId, IReadOnlyDictionary<int, string> focusAreaKeys, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Owner)
            .Include(i => i.FocusAreas)
            .Include(i => i.Categories)
            .Include(i => i.Targets)
            .Include(i => i.Measurements).ThenInclude(m => m.Values)
            .Where(i => i.StrategyId == strategyId)
            .ToListAsync(ct);

        var ordered = indicators
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Id)
            .ToList();
        var keys = PlanKeys.Deduplicate(ordered.Select(i => PlanKeys.Slug(i.Name, "indikator"))).ToList();
        return ordered.Select((indicator, index) =>
        {
            var categories = indicator.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToList();
            return new PlanIndicator
            {
                Key = keys[index],
                Order = indicator.SortOrder,
                Name = indicator.Name,
                Description = indicator.Description,
                Kind = indicator.Kind,
                Unit = indicator.Unit,
                Frequency = indicator.Frequency,
                Direction = indicator.Direction,
                Source = indicator.Source,
                OwnerEmail = indicator.Owner?.Email,
                IsExampleData = indicator.IsExampleData,
                Baseline = indicator.BaselineValue is { } value && indicator.BaselinePeriod is { } period
                    ? new PlanBaseline { Value = value, Period = IndicatorPeriods.Key(period) }
                    : null,
                FocusAreaKeys = [.. indicator.FocusAreas.Where(f => focusAreaKeys.ContainsKey(f.Id)).Select(f => focusAreaKeys[f.Id]).Order(StringComparer.Ordinal)],
                Categories = [.. categories.Select(c => c.Name)],
                Targets = [.. indicator.Targets.OrderBy(t => t.Year).Select(t => new PlanTarget { Year = t.Year, Value = t.Value, Low = t.Low, High = t.High, Reasoning = t.Reasoning })],
                Measurements =
                [
                    .. indicator.Measurements.OrderBy(m => m.Period.Start).Select(m => new PlanMeasurement
                    {
                        Period = m.PeriodKey,
                        Total = categories.Count == 0 ? m.Total : null,
                        Values = [.. categories.Select(c => m.Values.FirstOrDefault(v => v.CategoryId == c.Id)?.Value ?? 0)],
                        IsFinal = m.IsFinal,
                        Comment = m.Comment,
                        EnteredBy = m.EnteredByName,
                        EnteredAt = DateTime.SpecifyKind(m.EnteredAtUtc, DateTimeKind.Utc),
                        UpdatedBy = m.UpdatedByName,
                        UpdatedAt = m.UpdatedAtUtc is { } updated ? DateTime.SpecifyKind(updated, DateTimeKind.Utc) : null,
                    }),
                ],
            };
        }).ToList();
    }
}
