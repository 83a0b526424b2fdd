using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>A signed-in user's own choices, for their own address only: per kind of message, and the old all-reminders switch.</summary>
[Authorize(Policy = Policies.Reader)]
public sealed class PreferencesModel(UserManager<ApplicationUser> users, OptOuts optOuts, MailPreferences preferences, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string? Email { get; private set; }

    public bool OptedOut { get; private set; }

    public bool OptedOutOfChanges { get; private set; }

    /// <summary>The choice per list, as stored (or as posted, when a post is shown again).</summary>
    [BindProperty]
    public Dictionary<MailList, MailChoice> Choices { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Choices = Email is null ? [] : new(await preferences.OfAsync(Email, cancellationToken));
        return Page();
    }

    /// <summary>The choice per kind of message; each list only takes the choices it offers.</summary>
    public async Task<IActionResult> OnPostChoicesAsync(CancellationToken cancellationToken)
    {
        if (await EmailAsync() is not { } email)
        {
            return RedirectToPage();
        }

        foreach (var (list, choice) in Choices)
        {
            if (!Enum.IsDefined(list) || !Enum.IsDefined(choice) || !MailLists.Choices(list).Contains(choice))
            {
                ModelState.AddModelError($"Choices[{list}]", localizer["Preferences.ChoiceNotOffered"]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        foreach (var (list, choice) in Choices)
        {
            await preferences.SetAsync(email, list, choice, MailPreferenceSource.Settings, cancellationToken);
        }

        Message = localizer["Preferences.ChoicesSaved"];
        return RedirectToPage();
    }

    /// <param name="alsoInvitationChanges">A checkbox: also no word of moves and cancellations of invitations already held.</param>
    public async Task<IActionResult> OnPostAsync(bool receive, bool alsoInvitationChanges, CancellationToken cancellationToken)
    {
        if (await EmailAsync() is not { } email)
        {
            return RedirectToPage();
        }

        // "receive" is a hidden true/false: anything else did not come from the page, and must not count as "no".
        if (ModelState.GetFieldValidationState(nameof(receive)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
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

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Email = await EmailAsync();
        var state = Email is null ? null : await optOuts.OptedOutAsync(Email, cancellationToken);
        OptedOut = state is not null;
        OptedOutOfChanges = state == true;
    }

    private async Task<string?> EmailAsync() =>
        await users.FindByIdAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty) is { Email: { } email } ? email : null;
}
