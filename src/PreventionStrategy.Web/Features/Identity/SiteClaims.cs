using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.Identity;

/// <summary>
/// Puts the user's unit and full name into the sign-in cookie, so deciding "may this department
/// head update this milestone" needs no query. The claims are rebuilt whenever the security
/// stamp changes, which editing a user's role or unit does.
/// </summary>
public sealed class SiteClaims(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string UnitId = "unit_id";

    public const string FullName = "full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullName, user.FullName));
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(UnitId, unitId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

public static class SiteClaimsExtensions
{
    public static int? UnitId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(SiteClaims.UnitId), NumberStyles.None, CultureInfo.InvariantCulture, out var unitId) ? unitId : null;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(SiteClaims.FullName) ?? user.Identity?.Name ?? string.Empty;
}
