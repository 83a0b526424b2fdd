using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features;

/// <summary>The front page: every strategy on the site with how far it has come.</summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<StrategySummary> Strategies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Strategies = await db.Strategies.AsNoTracking()
            .OrderBy(s => s.Status).ThenBy(s => s.Name)
            .Select(s => new StrategySummary(
                s.Id,
                s.Name,
                s.Municipality,
                s.Division,
                s.Status,
                s.FocusAreas.Count,
                s.Milestones.Count,
                s.Milestones.Count(m => m.Status == MilestoneStatus.Done)))
            .ToListAsync(cancellationToken);
    }
}

public sealed record StrategySummary(int Id, string Name, string Municipality, string Division, StrategyStatus Status, int FocusAreaCount, int MilestoneCount, int DoneCount);
