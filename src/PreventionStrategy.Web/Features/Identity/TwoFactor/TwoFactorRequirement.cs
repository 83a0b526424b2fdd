using System.Security.Claims;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.TwoFactor;

/// <summary>
/// <c>Security:RequireTwoFactorForEditors</c> as it applies to one signed-in user, decided from the
/// sign-in cookie's claims (roles and <see cref="SiteClaims.TwoFactorEnabled"/>), without a query.
/// </summary>
public sealed class TwoFactorRequirement(IOptions<SecurityOptions> options)
{
    /// <summary>An administrator or department head while the setting is on: they may not turn two-factor authentication off.</summary>
    public bool AppliesTo(ClaimsPrincipal user) =>
        options.Value.RequireTwoFactorForEditors && (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.DepartmentHead));

    /// <summary>… and has not turned it on yet: they may read everything but change nothing.</summary>
    public bool HoldsBack(ClaimsPrincipal user) => AppliesTo(user) && !user.HasTwoFactor();
}

/// <summary>
/// Marks a page that an editor held back by <see cref="TwoFactorRequirement"/> may still post to:
/// the pages that turn two-factor authentication on.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;
