using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.TwoFactor;

/// <summary>Setting up the authenticator app: scan the key, prove it with a code, get the recovery codes.</summary>
[Authorize(Policy = Policies.Reader)]
[AllowWithoutTwoFactor]
public sealed class EnableModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    SecurityEvents events,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public AuthenticatorCodeInput Input { get; set; } = new();

    /// <summary>The key in groups of four, for typing into the app by hand.</summary>
    public string GroupedKey { get; private set; } = string.Empty;

    public string OtpAuthUri { get; private set; } = string.Empty;

    public string QrCodeSvg { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("Index");
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("Index");
        }

        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, AuthenticatorCodeInput.Normalize(Input.Code)))
        {
            ModelState.AddModelError("Input.Code", localizer["TwoFactor.WrongCode"]);
        }

        if (!ModelState.IsValid)
        {
            await ShowKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodesModel.Count);

        // The claim that lifts the requirement for editors is in the cookie from this response on.
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(AuditAction.TwoFactorEnabled, user.Id, user.Email);
        TempData[RecoveryCodesModel.TempDataKey] = codes?.ToArray() ?? [];
        TempData["Success"] = localizer["TwoFactor.Enabled"].Value;
        return RedirectToPage("RecoveryCodes");
    }

    private async Task ShowKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);

            // Making a key changes the security stamp, which would sign this browser out at the next check.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        GroupedKey = AuthenticatorKey.Grouped(key);
        OtpAuthUri = AuthenticatorKey.OtpAuthUri(user.Email ?? user.UserName ?? string.Empty, key);
        QrCodeSvg = AuthenticatorKey.QrCodeSvg(OtpAuthUri);
    }
}

public sealed class AuthenticatorCodeInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(9, ErrorMessage = "TwoFactor.CodeFormat")]
    [Display(Name = "Field.AuthenticatorCode")]
    public string Code { get; set; } = string.Empty;

    /// <summary>Apps show "123 456"; people type "123-456" too.</summary>
    public static string Normalize(string code) => code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
}
