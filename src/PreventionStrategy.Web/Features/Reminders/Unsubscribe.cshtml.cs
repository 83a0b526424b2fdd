using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// Where the link in every reminder leads. No login: the signed token is the proof. Opting out
/// takes a button press, not just the visit, so a mail scanner that follows links opts nobody out.
/// </summary>
[AllowAnonymous]
public sealed class UnsubscribeModel(OptOutLinks links, OptOuts optOuts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Email { get; private set; }

    public bool OptedOut { get; private set; }

    /// <summary>Opted out of updates and cancellations of invitations already held, too.</summary>
    public bool OptedOutOfChanges { get; private set; }

    [BindProperty]
    public bool AlsoInvitationChanges { get; set; }

    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostOptOutAsync(CancellationToken cancellationToken)
    {
        if (!links.TryRead(Token, out var email))
        {
            return await ShowAsync(cancellationToken);
        }

        await optOuts.OptOutAsync(email, AlsoInvitationChanges, cancellationToken);
        Changed = true;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostOptInAsync(CancellationToken cancellationToken)
    {
        if (!links.TryRead(Token, out var email))
        {
            return await ShowAsync(cancellationToken);
        }

        await optOuts.OptInAsync(email, cancellationToken);
        Changed = true;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (!links.TryRead(Token, out var email))
        {
            // A broken or forged link: say so plainly, with the status a missing page has.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Email = email;
        var state = await optOuts.OptedOutAsync(email, cancellationToken);
        OptedOut = state is not null;
        OptedOutOfChanges = state == true;
        return Page();
    }
}
