using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.TwoFactor;

/// <summary>The signed-in user's own two-factor authentication: its state, new recovery codes, a new key, turning it off.</summary>
[Authorize(Policy = Policies.Reader)]
[AllowWithoutTwoFactor]
public sealed class IndexModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    TwoFactorRequirement requirement,
    SecurityEvents events,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Fewer left than this and the page suggests making new ones.</summary>
    private const int FewRecoveryCodes = 3;

    public bool IsEnabled { get; private set; }

    /// <summary>The requirement for editors applies: the user may not turn it off.</summary>
    public bool IsRequired { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public bool RunningLow => IsEnabled && RecoveryCodesLeft < FewRecoveryCodes;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        IsEnabled = user.TwoFactorEnabled;
        IsRequired = requirement.AppliesTo(User);
        RecoveryCodesLeft = IsEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return Page();
    }

    /// <summary>New recovery codes; the old ones stop working at once.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodesModel.Count);
        await events.RecordAsync(AuditAction.RecoveryCodesGenerated, user.Id, user.Email);
        TempData[RecoveryCodesModel.TempDataKey] = codes?.ToArray() ?? [];
        return RedirectToPage("RecoveryCodes");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (requirement.AppliesTo(User))
        {
            TempData["Error"] = localizer["TwoFactor.CannotDisable"].Value;
            return RedirectToPage();
        }

        if (user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, false);

            // The new security stamp would sign this browser out at the next check; the new claims belong in it now.
            await signIn.RefreshSignInAsync(user);
            await events.RecordAsync(AuditAction.TwoFactorDisabled, user.Id, user.Email);
            TempData["Success"] = localizer["TwoFactor.StatusOff"].Value;
        }

        return RedirectToPage();
    }

    /// <summary>A lost or replaced phone: a new key, so the old app's codes stop working; set up again before it is back on.</summary>
    public async Task<IActionResult> OnPostResetKeyAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(AuditAction.TwoFactorDisabled, user.Id, user.Email, SecurityEvents.Fact("Reason", localizer["Security.AuthenticatorKeyReset"]));
        TempData["Success"] = localizer["TwoFactor.KeyReset"].Value;
        return RedirectToPage("Enable");
    }
}
