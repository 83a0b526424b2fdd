using Microsoft.AspNetCore.OutputCaching;
using PreventionStrategy.Web.Features.PageCache;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>
/// A department head's own milestones (and their unit's), what needs attention first (the order of
/// <see cref="MilestoneAttention"/>), then the rest by date.
/// </summary>
[OutputCache(PolicyName = PageCachePolicy.Name)]
[Authorize(Roles = Roles.Administrator + "," + Roles.DepartmentHead)]
public sealed class MineModel(AppDbContext db, TimeProvider clock, IOptions<MilestoneOptions> options) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<MilestoneRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<int, Attention> Reasons { get; private set; } = new Dictionary<int, Attention>();

    public DateOnly Today { get; private set; }

    public int StaleAfterWeeks => options.Value.StaleAfterWeeks;

    public int TotalCount { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var today = Today = clock.Today();
        var staleBefore = clock.GetUtcNow().UtcDateTime.AddDays(-7 * StaleAfterWeeks);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var unitId = User.UnitId();
        PageNumber = Math.Max(1, pageNumber);

        var mine = MilestoneAttention.OwnedBy(db, userId, unitId);
        TotalCount = await mine.CountAsync(cancellationToken);

        var requestedAt = await MilestoneAttention.UpdateRequestedAtAsync(db, userId, today, cancellationToken);
        var ranked = await mine
            .Rank(today, staleBefore, requestedAt)
            .InAttentionOrder()
            .Skip(Paging.Offset(PageNumber, PageSize)).Take(PageSize)
            .ToListAsync(cancellationToken);

        var ids = ranked.Select(r => r.Id).ToList();
        var rows = await db.WithFocusAreasAsync(await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.Id)).ToRows().ToListAsync(cancellationToken), cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        Rows = ids.Select(id => byId[id]).ToList();
        Reasons = ranked.ToDictionary(r => r.Id, r => r.Attention);
    }
}
