using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Indicators;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Demo;

/// <summary>
/// Grows a strategy to <c>factor</c> times its milestones (with their focus areas, stakeholders and
/// tasks), spread over the following years and over every status, for query-count tests and benchmarks.
/// </summary>
public sealed class PlanMultiplier(AppDbContext db)
{
    private static readonly MilestoneStatus[] Statuses = Enum.GetValues<MilestoneStatus>();

    public async Task MultiplyAsync(int strategyId, int factor, CancellationToken cancellationToken = default)
    {
        var originals = await db.Milestones.AsNoTracking().AsSplitQuery()
            .Include(m => m.FocusAreas)
            .Include(m => m.Stakeholders)
            .Include(m => m.Tasks)
            .Where(m => m.StrategyId == strategyId)
            .ToListAsync(cancellationToken);
        var focusAreas = await db.FocusAreas.Where(f => f.StrategyId == strategyId).ToDictionaryAsync(f => f.Id, cancellationToken);

        for (var copy = 1; copy < factor; copy++)
        {
            foreach (var original in originals)
            {
                db.Milestones.Add(new Milestone
                {
                    StrategyId = strategyId,
                    Title = $"{original.Title} ({copy + 1})",
                    Description = original.Description,
                    Kind = original.Kind,
                    Timing = Shift(original.Timing, copy % 6),
                    Location = original.Location,
                    OwnerId = original.OwnerId,
                    Status = Statuses[(copy + original.Id) % Statuses.Length],
                    ProgressPercent = (copy * 7) % 100,
                    FocusAreas = original.FocusAreas.Select(f => focusAreas[f.Id]).ToList(),
                    Stakeholders = original.Stakeholders.Select(s => new MilestoneStakeholder { StakeholderId = s.StakeholderId, Role = s.Role }).ToList(),
                    Tasks = original.Tasks.Select(t => new MilestoneTask { Title = t.Title, OwnerId = t.OwnerId, DueDate = t.DueDate, IsDone = t.IsDone }).ToList(),
                });
            }

            if (copy % 10 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                focusAreas = await db.FocusAreas.Where(f => f.StrategyId == strategyId).ToDictionaryAsync(f => f.Id, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await AddIndicatorsAsync(strategyId, factor, cancellationToken);
    }

    /// <summary>
    /// Grows the indicators alongside: <paramref name="count"/> quarterly indicators (half of them target indicators) with five
    /// categories and ten years of figures each, marked as example data.
    /// </summary>
    private async Task AddIndicatorsAsync(int strategyId, int count, CancellationToken cancellationToken)
    {
        var focusAreaIds = await db.FocusAreas.Where(f => f.StrategyId == strategyId).Select(f => f.Id).ToListAsync(cancellationToken);
        for (var n = 1; n <= count; n++)
        {
            var categories = Enumerable.Range(1, 5).Select(c => new IndicatorCategory { Name = $"Kategori {c}", SortOrder = c }).ToList();
            var indicator = new Indicator
            {
                StrategyId = strategyId,
                SortOrder = 100 + n,
                Name = $"Vækstindikator {n}",
                Kind = n % 2 == 0 ? IndicatorKind.Watch : IndicatorKind.Target,
                Unit = IndicatorUnit.Count,
                Frequency = TimingPrecision.Quarter,
                Direction = DesiredDirection.Down,
                IsExampleData = true,
                BaselineValue = 500,
                BaselinePeriod = PlannedTiming.InQuarter(2016, 1),
                Categories = categories,
                Targets = [new IndicatorTarget { Year = 2026, Value = 400 }, new IndicatorTarget { Year = 2028, Low = 350, High = 380 }],
                FocusAreas = await db.FocusAreas.Where(f => focusAreaIds.Take(1 + (n % 3)).Contains(f.Id)).ToListAsync(cancellationToken),
            };
            for (var q = 0; q < 40; q++)
            {
                var period = PlannedTiming.InQuarter(2016 + (q / 4), (q % 4) + 1);
                var values = categories.Select((c, i) => new IndicatorValue { Category = c, Value = 100 - q + (i * 3) + (n % 7) }).ToList();
                indicator.Measurements.Add(new IndicatorMeasurement
                {
                    Period = period,
                    PeriodKey = IndicatorPeriods.Key(period),
                    Total = values.Sum(v => v.Value),
                    IsFinal = q < 38,
                    EnteredByName = "Eksempeldata",
                    EnteredAtUtc = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc),
                    Values = values,
                });
            }

            db.Indicators.Add(indicator);
            if (n % 10 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static PlannedTiming Shift(PlannedTiming timing, int years) => timing.Precision == TimingPrecision.Day
        ? PlannedTiming.OnDay(timing.Date!.Value.AddYears(years), timing.StartTime, timing.EndTime)
        : PlannedTiming.Create(timing.Precision, timing.Year + years, timing.Period, null);
}
