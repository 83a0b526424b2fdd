using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Security;
using PreventionStrategy.Web.Features.Identity.TwoFactor;

namespace PreventionStrategy.Web.Features.Identity.Account;

/// <summary>
/// The second step of signing in, after a right password: the code from the authenticator app.
/// Who is signing in comes from Identity's short-lived two-factor cookie, never from the form.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class LoginWithCodeModel(SignInManager<ApplicationUser> signIn, SecurityEvents events, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public LoginWithCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>"Husk mig" from the password step: whether the sign-in cookie outlives the browser.</summary>
    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

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

        if (user.IsDisabled)
        {
            ModelState.AddModelError(string.Empty, localizer[SecondStep.LockedOutMessage]);
            return Page();
        }

        // A wrong code counts towards the lock-out like a wrong password (Identity does the counting).
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorCodeInput.Normalize(Input.Code), RememberMe, Input.RememberMachine);
        if (result.Succeeded)
        {
            await events.RecordAsync(AuditAction.SignedIn, user.Id, user.Email, SecurityEvents.Fact("Reason", localizer["Security.WithAuthenticatorCode"]));
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        await SecondStep.RefuseWrongCodeAsync(this, events, localizer, user, result.IsLockedOut, "Security.WrongAuthenticatorCode", "TwoFactor.WrongCode");
        return Page();
    }
}

public sealed class LoginWithCodeInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(9, ErrorMessage = "TwoFactor.CodeFormat")]
    [Display(Name = "Field.AuthenticatorCode")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Field.RememberMachine")]
    public bool RememberMachine { get; set; }
}

/// <summary>What the two pages of the second step of signing in (a code, a recovery code) share.</summary>
internal static class SecondStep
{
    /// <summary>
    /// The message for a locked (or disabled) account: the same on both pages, and it does not say
    /// which of the two, nor whether the code was right.
    /// </summary>
    public const string LockedOutMessage = "TwoFactor.LockedOut";

    /// <summary>A wrong code: recorded in the audit trail, and the page's message, which is the lock-out's once the account is locked.</summary>
    public static async Task RefuseWrongCodeAsync(
        PageModel page, SecurityEvents events, IStringLocalizer<SharedResource> localizer, ApplicationUser user, bool lockedOut, string reasonKey, string wrongCodeKey)
    {
        await events.RecordAsync(lockedOut ? AuditAction.LockedOut : AuditAction.TwoFactorFailed, user.Id, user.Email, SecurityEvents.Fact("Reason", localizer[reasonKey]));
        if (lockedOut)
        {
            page.ModelState.AddModelError(string.Empty, localizer[LockedOutMessage]);
        }
        else
        {
            page.ModelState.AddModelError("Input.Code", localizer[wrongCodeKey]);
        }
    }
}
