using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Calendar;

/// <summary>
/// A strategy's month at a glance: the dated milestones and the tasks due, on a Danish calendar
/// page. Milestones planned to a month, quarter or half-year have no day and are left to the
/// milestone list and the timeline. Three queries, whatever the size of the plan.
/// </summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
[Authorize(Policy = Policies.Reader)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public StrategyHeading Strategy { get; private set; } = null!;

    public MonthGrid Grid { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public DateOnly? PreviousMonth { get; private set; }

    public DateOnly? NextMonth { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? strategyId, int? year, int? month, CancellationToken cancellationToken)
    {
        Today = clock.Today();
        // Checked before the date is made: year 0 or 99999 has no 1 January.
        if (year is < PlannedTiming.MinYear or > PlannedTiming.MaxYear || month is < 1 or > 12 || (year is null) != (month is null))
        {
            return NotFound();
        }

        var first = new DateOnly(year ?? Today.Year, month ?? Today.Month, 1);
        var strategy = await CurrentStrategy.FindAsync(db, strategyId, cancellationToken);
        if (strategy is null)
        {
            return strategyId is null ? RedirectToPage("/Index") : NotFound();
        }

        Strategy = strategy;
        var last = first.AddMonths(1).AddDays(-1);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.StrategyId == strategy.Id && m.Timing.Precision == TimingPrecision.Day && m.Timing.Date >= first && m.Timing.Date <= last)
            .Select(m => new CalendarItem(
                m.Id,
                m.Title,
                m.Timing.Date!.Value,
                m.Timing.StartTime,
                m.Timing.EndTime,
                m.Status,
                null,
                false,
                m.Status != MilestoneStatus.Done && m.Status != MilestoneStatus.Cancelled && (m.ForecastDate ?? m.Timing.End) < Today))
            .ToListAsync(cancellationToken);
        var tasks = await db.MilestoneTasks.AsNoTracking()
            .Where(t => t.Milestone!.StrategyId == strategy.Id && t.DueDate >= first && t.DueDate <= last)
            .Select(t => new CalendarItem(t.MilestoneId, t.Milestone!.Title, t.DueDate!.Value, null, null, t.Milestone.Status, t.Title, t.IsDone))
            .ToListAsync(cancellationToken);

        Grid = MonthGrid.Build(first.Year, first.Month, Today, milestones.Concat(tasks));
        PreviousMonth = first.Year == PlannedTiming.MinYear && first.Month == 1 ? null : first.AddMonths(-1);
        NextMonth = first.Year == PlannedTiming.MaxYear && first.Month == 12 ? null : first.AddMonths(1);
        return Page();
    }
}
