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

    public bool OptedOutOfChanges { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Email = await EmailAsync();
        var state = Email is null ? null : await optOuts.OptedOutAsync(Email, cancellationToken);
        OptedOut = state is not null;
        OptedOutOfChanges = state == true;
        return Page();
    }

    /// <param name="alsoInvitationChanges">A checkbox: also no word of moves and cancellations of invitations already held.</param>
    public async Task<IActionResult> OnPostAsync(bool receive, bool alsoInvitationChanges, CancellationToken cancellationToken)
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
            await optOuts.OptOutAsync(email, alsoInvitationChanges, cancellationToken);
        }

        Message = localizer[receive ? "Preferences.SavedIn" : "Preferences.SavedOut"];
        return RedirectToPage();
    }

    private async Task<string?> EmailAsync() =>
        await users.FindByIdAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty) is { Email: { } email } ? email : null;
}
