using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
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
    }

    private static PlannedTiming Shift(PlannedTiming timing, int years) => timing.Precision == TimingPrecision.Day
        ? PlannedTiming.OnDay(timing.Date!.Value.AddYears(years), timing.StartTime, timing.EndTime)
        : PlannedTiming.Create(timing.Precision, timing.Year + years, timing.Period, null);
}
