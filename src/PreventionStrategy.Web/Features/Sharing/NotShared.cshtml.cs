using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PreventionStrategy.Web.Features.Sharing;

/// <summary>
/// Everything under a share link that is not one of its pages: 404, not the login page the site gives
/// anonymous visitors elsewhere, so the link leads nowhere but to what was shared.
/// </summary>
[AllowAnonymous]
public sealed class NotSharedModel : PageModel
{
    public IActionResult OnGet() => NotFound();
}
