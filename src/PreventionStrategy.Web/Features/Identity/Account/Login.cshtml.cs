using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    BootstrapAdministrator bootstrap,
    UnknownAccountFailures unknownFailures,
    SecurityEvents events,
    IOptions<SecurityOptions> security,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>A hash to check unknown addresses' passwords against, so they take as long as real ones.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser { FullName = string.Empty }, Guid.NewGuid().ToString()));

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await bootstrap.AnyAdministratorAsync())
        {
            return RedirectToPage("/Identity/Account/Setup");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is not { IsDisabled: false })
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser { FullName = string.Empty }, DecoyHash.Value, Input.Password);
            var locked = unknownFailures.Fail(Input.Email);
            await events.RecordAsync(AuditAction.SignInFailed, user, Input.Email, SecurityEvents.Fact("Reason", localizer[user is null ? "Security.UnknownUser" : "Security.DisabledUser"]));
            return Refused(locked);
        }

        await ForgetOldFailuresAsync(user);
        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await events.RecordAsync(AuditAction.SignedIn, user.Id, user.Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // Two-factor: the password was right and Identity remembers who is signing in; the next page asks for the code.
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Identity/Account/LoginWithCode", new { ReturnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            await events.RecordAsync(wasLocked ? AuditAction.SignInFailed : AuditAction.LockedOut, user.Id, user.Email,
                SecurityEvents.Fact("Reason", localizer[wasLocked ? "Security.WhileLockedOut" : "Security.TooManyFailures"]));
            return Refused(locked: true);
        }

        user.LastSignInFailureAtUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await events.RecordAsync(AuditAction.SignInFailed, user.Id, user.Email, SecurityEvents.Fact("Reason", localizer["Security.WrongPassword"]));
        return Refused(locked: false);
    }

    /// <summary>Only failures within the lock-out window count: a wrong password last month does not bring a lock-out closer today.</summary>
    private async Task ForgetOldFailuresAsync(ApplicationUser user)
    {
        var window = TimeSpan.FromMinutes(security.Value.LockoutMinutes);
        if (user.AccessFailedCount > 0 && user.LastSignInFailureAtUtc is { } last && clock.GetUtcNow().UtcDateTime - last > window)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
    }

    /// <summary>The same two messages whether the address exists or not, the account is disabled or the password wrong.</summary>
    private PageResult Refused(bool locked)
    {
        ModelState.AddModelError(string.Empty, localizer[locked ? "Login.LockedOut" : "Login.Failed", security.Value.LockoutMinutes]);
        return Page();
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1024, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Field.RememberMe")]
    public bool RememberMe { get; set; }
}
