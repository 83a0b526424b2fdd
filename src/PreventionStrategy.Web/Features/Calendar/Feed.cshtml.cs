using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Calendar;

/// <summary>
/// A user's own calendar feed: the dated milestones they own or take part in. Calendar apps cannot
/// sign in, so the unguessable token in the address is the proof; an unknown or revoked one, or a
/// disabled user's, is a plain 404 that says nothing about which it was.
/// </summary>
[AllowAnonymous]
public sealed class FeedModel(AppDbContext db, TimeProvider clock, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var found = await FeedTokens.FindAsync(db, token, cancellationToken);
        if (found?.User is not { IsDisabled: false } user)
        {
            return NotFound();
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        await FeedTokens.MarkUsedAsync(db, found, nowUtc, cancellationToken);
        var entries = await FeedEntries.ForUserAsync(db, user, cancellationToken);
        return FeedResponse.For(HttpContext, $"Mine milepæle ({user.FullName})", site.Value.PublicBaseUrl, entries, localizer, nowUtc);
    }
}
