using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.Account;

/// <summary>Where an invitation link lands: the invited person chooses a password and is signed in.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SetPasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SecurityEvents events, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool LinkIsValid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkIsValid = await FindUserAsync() is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindUserAsync();
        LinkIsValid = user is not null;
        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Token!, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? string.Empty : "Input.Password", error.Description);
            }

            return Page();
        }

        // A new password ends every other session (ResetPasswordAsync renewed the security stamp).
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await events.RecordAsync(AuditAction.PasswordReset, user.Id, user.Email, SecurityEvents.Fact("Reason", localizer["Security.PasswordChosen"]));

        // Two-factor users still need their code: the link proves the mailbox, not the phone.
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            TempData["Success"] = localizer["SetPassword.DoneSignIn"].Value;
            return RedirectToPage("/Identity/Account/Login");
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Success"] = localizer["SetPassword.Done"].Value;
        return RedirectToPage("/Index");
    }

    private async Task<ApplicationUser?> FindUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token))
        {
            return null;
        }

        var user = await users.FindByIdAsync(UserId);
        return user is { IsDisabled: false } ? user : null;
    }
}
