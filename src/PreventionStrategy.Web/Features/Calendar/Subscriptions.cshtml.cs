using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Calendar;

public sealed record FeedLinks(string Https, string Webcal);

public sealed record FeedState(DateTime CreatedAtUtc, DateTime? LastUsedAtUtc);

public sealed record StrategyFeedRow(int Id, string Name, FeedState? Feed);

/// <summary>
/// Where a user makes, replaces and closes the address of their own calendar feed, and
/// administrators those of the strategies. Only a hash is stored, so an address can be shown only
/// in the answer to the post that made it; afterwards the page says when it was made and last
/// used, and a new one can be made (which closes the old).
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class SubscriptionsModel(AppDbContext db, TimeProvider clock, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public FeedState? Mine { get; private set; }

    public IReadOnlyList<StrategyFeedRow> Strategies { get; private set; } = [];

    /// <summary>The address just made, shown this once.</summary>
    public FeedLinks? NewLinks { get; private set; }

    /// <summary>The strategy the new address is for, or null for the user's own.</summary>
    public string? NewLinksFor { get; private set; }

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    [TempData]
    public string? Message { get; set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken cancellationToken)
    {
        var token = await FeedTokens.RegenerateForUserAsync(db, UserId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return await ShowOnceAsync(Links("Feed", token), null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        await FeedTokens.RevokeForUserAsync(db, UserId, cancellationToken);
        Message = localizer["Subscriptions.Revoked"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRegenerateStrategyAsync(int strategyId, CancellationToken cancellationToken)
    {
        if (!IsAdministrator)
        {
            return Forbid();
        }

        var name = await db.Strategies.Where(s => s.Id == strategyId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        var token = await FeedTokens.RegenerateForStrategyAsync(db, strategyId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return await ShowOnceAsync(Links("Strategy", token), name, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeStrategyAsync(int strategyId, CancellationToken cancellationToken)
    {
        if (!IsAdministrator)
        {
            return Forbid();
        }

        // An unknown strategy has no address to close: say so rather than "closed".
        if (!await db.Strategies.AnyAsync(s => s.Id == strategyId, cancellationToken))
        {
            return NotFound();
        }

        await FeedTokens.RevokeForStrategyAsync(db, strategyId, cancellationToken);
        Message = localizer["Subscriptions.Revoked"];
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowOnceAsync(FeedLinks links, string? strategyName, CancellationToken cancellationToken)
    {
        // The page itself is the only copy of the secret: answered, not redirected, and kept out of every cache.
        Response.Headers.CacheControl = "no-store";
        NewLinks = links;
        NewLinksFor = strategyName;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        Mine = await db.CalendarFeedTokens.AsNoTracking().Where(t => t.UserId == userId)
            .Select(t => new FeedState(t.CreatedAtUtc, t.LastUsedAtUtc)).FirstOrDefaultAsync(cancellationToken);
        if (IsAdministrator)
        {
            Strategies = await db.Strategies.AsNoTracking().OrderBy(s => s.Id)
                .Select(s => new StrategyFeedRow(
                    s.Id,
                    s.Name,
                    db.CalendarFeedTokens.Where(t => t.StrategyId == s.Id).Select(t => new FeedState(t.CreatedAtUtc, t.LastUsedAtUtc)).FirstOrDefault()))
                .ToListAsync(cancellationToken);
        }
    }

    private FeedLinks Links(string kind, string token)
    {
        var https = $"{site.Value.PublicBaseUrl.TrimEnd('/')}/Calendar/{kind}/{token}.ics";

        // webcal:// makes the browser hand the address to the calendar app as a subscription rather than download a file.
        var webcal = "webcal://" + https[(https.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return new FeedLinks(https, webcal);
    }
}
