using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Calendar;

/// <summary>
/// A strategy's calendar feed: all its dated milestones, for a shared team calendar. The address
/// is made by an administrator and passed on; regenerating it cuts off everyone who had the old one.
/// </summary>
[AllowAnonymous]
public sealed class StrategyFeedModel(AppDbContext db, TimeProvider clock, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var found = await FeedTokens.FindAsync(db, token, cancellationToken);
        if (found?.Strategy is not { } strategy)
        {
            return NotFound();
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        await FeedTokens.MarkUsedAsync(db, found, nowUtc, cancellationToken);
        var entries = await FeedEntries.ForStrategyAsync(db, strategy.Id, cancellationToken);
        return FeedResponse.For(HttpContext, $"{strategy.Name} – milepæle", site.Value.PublicBaseUrl, entries, localizer, nowUtc);
    }
}
