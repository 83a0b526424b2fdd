using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Security;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>The shared strategy's milestones in time order, grouped by the year they start, with today marked.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class TimelineModel(AppDbContext db, ShareLinks links, SecurityEvents security, TimeProvider clock) : SharePageModel(db, links, security)
{
    public IReadOnlyList<ShareMilestone> Milestones { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Milestones = await ShareMilestones.LoadAsync(Db, Strategy.Id, Share.ShowNames, cancellationToken);
    }
}
