using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Briefings;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Security;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>The shared strategy's overview: the verdict, the purpose, and each focus area's milestones.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(AppDbContext db, ShareLinks links, SecurityEvents security, TimeProvider clock) : SharePageModel(db, links, security)
{
    public string? Purpose { get; private set; }

    public IReadOnlyList<(int Id, int SortOrder, string Title)> FocusAreas { get; private set; } = [];

    public IReadOnlyList<ShareMilestone> Milestones { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The same rule as the dashboard's and the briefing's, so a partner reads the verdict the committee reads.</summary>
    public StrategyVerdict Verdict => StrategyVerdict.Of(Milestones.Select(m => BriefingStates.Of(m.Status, m.IsOverdue(Today))));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Purpose = await Db.Strategies.AsNoTracking().Where(s => s.Id == Strategy.Id).Select(s => s.Purpose).FirstOrDefaultAsync(cancellationToken);
        FocusAreas = (await Db.FocusAreas.AsNoTracking().Where(f => f.StrategyId == Strategy.Id).OrderBy(f => f.SortOrder)
            .Select(f => new { f.Id, f.SortOrder, f.Title }).ToListAsync(cancellationToken))
            .Select(f => (f.Id, f.SortOrder, f.Title)).ToList();
        Milestones = await ShareMilestones.LoadAsync(Db, Strategy.Id, Share.ShowNames, cancellationToken);
    }
}
