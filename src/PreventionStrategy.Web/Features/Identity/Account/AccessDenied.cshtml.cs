using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PreventionStrategy.Web.Features.Identity.Account;

[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
}
