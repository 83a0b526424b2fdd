using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.Security;
using PreventionStrategy.Web.Features.Shared;
using PreventionStrategy.Web.Features.Timeline;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>
/// The shared strategy along a time axis: the timeline page's chart of the whole plan by year, without
/// links to milestones, and the same milestones in time order as tables beneath it.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class TimelineModel(AppDbContext db, ShareLinks links, SecurityEvents security, TimeProvider clock, Display show, IStringLocalizer<SharedResource> localizer) : SharePageModel(db, links, security)
{
    public IReadOnlyList<ShareMilestone> Milestones { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public TimelineView? Chart { get; private set; }

    public string OverdueWord => localizer["Milestones.Overdue"];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Milestones = await ShareMilestones.LoadAsync(Db, Strategy.Id, Share.ShowNames, cancellationToken);
        if (Milestones.Count == 0)
        {
            return;
        }

        var focusAreas = await Db.FocusAreas.AsNoTracking().Where(f => f.StrategyId == Strategy.Id).OrderBy(f => f.SortOrder)
            .Select(f => new { f.Id, f.SortOrder, f.Title }).ToListAsync(cancellationToken);
        Chart = TimelineView.Build(
            focusAreas.Select(f => (f.Id, f.SortOrder, f.Title)),
            Milestones.Select(m => new TimelineSource(m.Id, m.Title, m.Timing, m.Status, null, m.ExpectedBy, m.FocusAreaIds)).ToList(),
            TimelineZoom.Year,
            Milestones.Min(m => m.Timing.Start),
            Milestones.Max(m => m.Timing.End),
            Today,
            localizer["Timeline.NoFocusArea"],
            OverdueWord,
            show);
    }
}
