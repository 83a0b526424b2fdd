using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>A signed-in user's own reminder choice, for their own address only.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class PreferencesModel(UserManager<ApplicationUser> users, OptOuts optOuts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string? Email { get; private set; }

    public bool OptedOut { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Email = await EmailAsync();
        OptedOut = Email is not null && await optOuts.IsOptedOutAsync(Email, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool receive, CancellationToken cancellationToken)
    {
        if (await EmailAsync() is not { } email)
        {
            return RedirectToPage();
        }

        // "receive" is a hidden true/false: anything else did not come from the page, and must not count as "no".
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        if (receive)
        {
            await optOuts.OptInAsync(email, cancellationToken);
        }
        else
        {
            await optOuts.OptOutAsync(email, cancellationToken);
        }

        Message = localizer[receive ? "Preferences.SavedIn" : "Preferences.SavedOut"];
        return RedirectToPage();
    }

    private async Task<string?> EmailAsync() =>
        await users.FindByIdAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty) is { Email: { } email } ? email : null;
}
