using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Identity.Users;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.Account;

/// <summary>
/// "Glemt adgangskode": mails a set-password link to an enabled account. The answer is the same
/// whether the address has an account or not, so the page cannot be used to find out who has one.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class ForgotPasswordModel(UserManager<ApplicationUser> users, UserInvitations invitations, SecurityEvents events) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is { IsDisabled: false })
        {
            await invitations.SendPasswordResetAsync(user, cancellationToken);
        }

        await events.RecordAsync(AuditAction.PasswordResetRequested, user, Input.Email);
        Sent = true;
        return Page();
    }
}

public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;
}
