using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Plans;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>
/// What every page under a share link does first: the token must open a share that has neither
/// expired nor been revoked (else 404, the same as a page that does not exist), the use is written
/// to the audit trail with the client address, and the answer tells search engines and caches to
/// keep away. The pages are never put in the page cache: they are drawn for whoever holds the link.
/// </summary>
[AllowAnonymous]
public abstract class SharePageModel(AppDbContext db, ShareLinks links, SecurityEvents security) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public StrategyShare Share { get; private set; } = null!;

    public StrategyHeading Strategy { get; private set; } = null!;

    protected AppDbContext Db => db;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var headers = HttpContext.Response.Headers;
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";

        var share = await links.FindValidAsync(Token, HttpContext.RequestAborted);
        var strategy = share is null ? null : await CurrentStrategy.FindAsync(db, share.StrategyId, HttpContext.RequestAborted);
        if (share is null || strategy is null)
        {
            context.Result = NotFound();
            return;
        }

        Share = share;
        Strategy = strategy;
        ViewData["ShareToken"] = Token;
        ViewData["ShareStrategy"] = strategy.Name;
        ViewData["ShareShowsBriefings"] = share.ShowNames;

        // Every use, with the client address: the path without the token, which is the secret.
        await security.RecordAsync(AuditAction.ShareUsed, $"share-{share.Id}", share.Label, SecurityEvents.Fact("Side", PagePath()));
        await next();
    }

    /// <summary>The owner's name when the administrator allowed names, else nothing.</summary>
    public string? Name(string? name) => Share.ShowNames ? name : null;

    private string PagePath()
    {
        var path = HttpContext.Request.Path.Value ?? string.Empty;
        return Token is null ? path : path.Replace(Token, "…", StringComparison.Ordinal);
    }
}
