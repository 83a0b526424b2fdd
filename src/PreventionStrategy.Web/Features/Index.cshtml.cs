using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.FrontPage;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Milestones;
using PreventionStrategy.Web.Features.PageCache;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features;

/// <summary>
/// The front page tells each person what needs them: a block per role they hold (department heads their
/// milestones that need an update, staff their coming events, committee members the latest briefing and next
/// meeting, administrators each strategy's health), then every strategy with its overall state. Kept per
/// person by the page cache, so a page per role costs nothing extra.
/// </summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IOptions<MilestoneOptions> milestoneOptions) : PageModel
{
    public IReadOnlyList<StrategySummary> Strategies { get; private set; } = [];

    public IReadOnlyDictionary<int, StrategyVerdict> Verdicts { get; private set; } = new Dictionary<int, StrategyVerdict>();

    public DateOnly Today { get; private set; }

    public int StaleAfterWeeks => milestoneOptions.Value.StaleAfterWeeks;

    public NeedsMeBlock? NeedsMe { get; private set; }

    public EventsBlock? Events { get; private set; }

    public CommitteeBlock? Committee { get; private set; }

    public HealthBlock? Health { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Today = clock.Today();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
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
        Verdicts = await StrategyVerdict.LoadAsync(db.Milestones.AsNoTracking(), today, cancellationToken);

        var staleBefore = clock.GetUtcNow().UtcDateTime.AddDays(-7 * StaleAfterWeeks);
        if (userId is not null && User.IsInRole(Roles.DepartmentHead))
        {
            NeedsMe = await NeedsMeBlock.LoadAsync(db, userId, User.UnitId(), today, staleBefore, cancellationToken);
        }

        if (userId is not null && User.IsInRole(Roles.Staff))
        {
            Events = await EventsBlock.LoadAsync(db, userId, today, cancellationToken);
        }

        if (User.IsInRole(Roles.Committee))
        {
            Committee = await CommitteeBlock.LoadAsync(db, today, cancellationToken);
        }

        if (User.IsInRole(Roles.Administrator))
        {
            Health = await HealthBlock.LoadAsync(db, staleBefore, cancellationToken);
        }
    }
}

public sealed record StrategySummary(int Id, string Name, string Municipality, string Division, StrategyStatus Status, int FocusAreaCount, int MilestoneCount, int DoneCount);
