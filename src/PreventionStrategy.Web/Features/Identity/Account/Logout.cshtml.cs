using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn, SecurityEvents events) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await events.RecordAsync(AuditAction.SignedOut, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity.Name);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Identity/Account/Login");
    }
}
