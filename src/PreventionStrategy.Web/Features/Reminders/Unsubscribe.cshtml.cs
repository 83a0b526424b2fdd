using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// Where the link in every reminder leads. No login: the signed token is the proof. Opening the link
/// (GET) changes nothing, so a mail scanner that follows links opts nobody out; the buttons on the
/// page opt out. A mail client's one-click unsubscribe (RFC 8058) is a POST to the same link with
/// the body <c>List-Unsubscribe=One-Click</c>, from the mailbox provider's server: no session and no
/// antiforgery token, so the page checks the antiforgery token itself on its own buttons only.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(OptOutLinks links, OptOuts optOuts, MailPreferences preferences, IAntiforgery antiforgery, SecurityEvents security) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Email { get; private set; }

    /// <summary>The list the link is for; null for an older link that names only the address.</summary>
    public MailList? List { get; private set; }

    public MailChoice ListChoice { get; private set; }

    public bool OptedOut { get; private set; }

    /// <summary>Opted out of updates and cancellations of invitations already held, too.</summary>
    public bool OptedOutOfChanges { get; private set; }

    [BindProperty]
    public bool AlsoInvitationChanges { get; set; }

    public bool Changed { get; private set; }

    public bool ListChanged { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    /// <summary>RFC 8058 one-click: opts the address out of the link's list only, and records it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!links.TryRead(Token, out var email, out var list) || list is not { } named)
        {
            return await ShowAsync(cancellationToken);
        }

        if (!Request.HasFormContentType || Request.Form["List-Unsubscribe"] != "One-Click")
        {
            return BadRequest();
        }

        // Recorded twice over: the preference row (source one-click, when; audited like any change) and an event in the
        // audit trail with the client address (a mailbox provider's server, usually).
        await preferences.SetAsync(email, named, MailChoice.Never, MailPreferenceSource.OneClick, cancellationToken);
        await security.RecordAsync(AuditAction.Unsubscribed, email, email, SecurityEvents.Fact("List", named.ToString()));
        ListChanged = true;
        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostOptOutListAsync(CancellationToken cancellationToken) => SetListAsync(MailChoice.Never, cancellationToken);

    public Task<IActionResult> OnPostOptInListAsync(CancellationToken cancellationToken) => SetListAsync(MailChoice.Immediately, cancellationToken);

    public async Task<IActionResult> OnPostOptOutAsync(CancellationToken cancellationToken)
    {
        if (!await AntiforgeryValidAsync())
        {
            return BadRequest();
        }

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
        if (!await AntiforgeryValidAsync())
        {
            return BadRequest();
        }

        if (!links.TryRead(Token, out var email))
        {
            return await ShowAsync(cancellationToken);
        }

        await optOuts.OptInAsync(email, cancellationToken);
        Changed = true;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> SetListAsync(MailChoice choice, CancellationToken cancellationToken)
    {
        if (!await AntiforgeryValidAsync())
        {
            return BadRequest();
        }

        if (!links.TryRead(Token, out var email, out var list) || list is not { } named)
        {
            return await ShowAsync(cancellationToken);
        }

        await preferences.SetAsync(email, named, choice, MailPreferenceSource.Link, cancellationToken);
        ListChanged = true;
        return await ShowAsync(cancellationToken);
    }

    private Task<bool> AntiforgeryValidAsync() => antiforgery.IsRequestValidAsync(HttpContext);

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (!links.TryRead(Token, out var email, out var list))
        {
            // A broken or forged link: say so plainly, with the status a missing page has.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Email = email;
        List = list;
        if (list is { } named)
        {
            ListChoice = (await preferences.OfAsync(email, cancellationToken))[named];
        }

        var state = await optOuts.OptedOutAsync(email, cancellationToken);
        OptedOut = state is not null;
        OptedOutOfChanges = state == true;
        return Page();
    }
}
