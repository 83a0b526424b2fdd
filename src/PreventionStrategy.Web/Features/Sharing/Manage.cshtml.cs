using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Shared;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>Administrators make, list and revoke a strategy's read-only share links. A new link is shown once.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ManageModel(AppDbContext db, ShareLinks links, TimeProvider clock, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The longest a link may live: a share is for a partner's season, not for ever.</summary>
    public const int MaxDays = 366;

    [BindProperty(SupportsGet = true)]
    public int? StrategyId { get; set; }

    [BindProperty]
    public ShareInput Input { get; set; } = new();

    public StrategyHeading? Strategy { get; private set; }

    public IReadOnlyList<StrategyShare> Shares { get; private set; } = [];

    public IReadOnlyDictionary<int, int> Uses { get; private set; } = new Dictionary<int, int>();

    /// <summary>The link just made: shown this once, never stored.</summary>
    [TempData]
    public string? NewLink { get; set; }

    [TempData]
    public string? Message { get; set; }

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input.ExpiresOn ??= clock.Today().AddMonths(3);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var today = clock.Today();
        if (Input.ExpiresOn is { } expires && (expires < today || expires > today.AddDays(MaxDays)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ExpiresOn)}", localizer["Share.ExpiryRange", Show(today), Show(today.AddDays(MaxDays))]);
        }

        if (string.IsNullOrWhiteSpace(Input.Label))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Label)}", localizer["Validation.Required", localizer["Field.ShareLabel"]]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = await links.CreateAsync(Strategy!.Id, Input.Label!, Input.ExpiresOn!.Value, Input.ShowNames, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        NewLink = $"{site.Value.PublicBaseUrl.TrimEnd('/')}/Share/{token}";
        return RedirectToPage(new { strategyId = Strategy.Id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !Shares.Any(s => s.Id == id))
        {
            return NotFound();
        }

        await links.RevokeAsync(id, cancellationToken);
        Message = localizer["Share.Revoked"];
        return RedirectToPage(new { strategyId = Strategy!.Id });
    }

    private string Show(DateOnly day) => day.ToString(localizer["Format.LongDate"], System.Globalization.CultureInfo.CurrentCulture);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Strategy = StrategyId is { } id ? await CurrentStrategy.FindAsync(db, id, cancellationToken) : null;
        if (Strategy is null)
        {
            return false;
        }

        Shares = await db.StrategyShares.AsNoTracking().Where(s => s.StrategyId == Strategy.Id)
            .OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
        var ids = Shares.Select(s => $"share-{s.Id}").ToList();
        Uses = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == Security.SecurityEvents.EntityType && a.Action == Audit.AuditAction.ShareUsed && ids.Contains(a.EntityId))
                .GroupBy(a => a.EntityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(u => int.Parse(u.Key["share-".Length..], System.Globalization.CultureInfo.InvariantCulture), u => u.Count);
        return true;
    }
}
