using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PreventionStrategy.Web.Features.Identity.TwoFactor;

/// <summary>
/// New recovery codes, shown once: they come through TempData (an encrypted cookie, read and
/// deleted by this request) from the page that made them, and no page shows them again.
/// </summary>
[Authorize(Policy = Policies.Reader)]
[AllowWithoutTwoFactor]
public sealed class RecoveryCodesModel : PageModel
{
    public const int Count = 10;

    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public void OnGet() => Codes = TempData[TempDataKey] as string[] ?? [];
}
