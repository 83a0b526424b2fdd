using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.Account;

/// <summary>The second step of signing in without the phone: one of the recovery codes, each good once.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class LoginWithRecoveryCodeModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    SecurityEvents events,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public RecoveryCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("Login", new { ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Identity neither checks the lock-out before redeeming a recovery code nor counts a wrong one;
        // this page does both, so a locked account stays locked whichever code is tried.
        if (user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(string.Empty, localizer[SecondStep.LockedOutMessage]);
            return Page();
        }

        // Identity keeps only the codes not yet used; a redeemed code is gone.
        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            var left = await users.CountRecoveryCodesAsync(user);
            await events.RecordAsync(AuditAction.SignedIn, user.Id, user.Email, SecurityEvents.Fact("Reason", localizer["Security.WithRecoveryCode", left]));
            TempData["Success"] = localizer["LoginWithRecoveryCode.SignedIn", left].Value;
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        await users.AccessFailedAsync(user);
        await SecondStep.RefuseWrongCodeAsync(this, events, localizer, user, await users.IsLockedOutAsync(user), "Security.WrongRecoveryCode", "LoginWithRecoveryCode.WrongCode");
        return Page();
    }
}

public sealed class RecoveryCodeInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "LoginWithRecoveryCode.WrongCode")]
    [Display(Name = "Field.RecoveryCode")]
    public string Code { get; set; } = string.Empty;
}
