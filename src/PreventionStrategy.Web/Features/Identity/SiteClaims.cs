using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.Identity;

/// <summary>
/// Puts the user's unit and full name into the sign-in cookie, so deciding "may this department
/// head update this milestone" needs no query. The claims are rebuilt whenever the security
/// stamp changes, which editing a user's role or unit does, and turning two-factor
/// authentication on or off (whose pages also refresh the sign-in at once).
/// </summary>
public sealed class SiteClaims(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string UnitId = "unit_id";

    public const string FullName = "full_name";

    /// <summary>Present when the user has turned on two-factor authentication: the requirement for editors is checked without a query.</summary>
    public const string TwoFactorEnabled = "two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullName, user.FullName));
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(UnitId, unitId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorEnabled, "true"));
        }

        return identity;
    }
}

public static class SiteClaimsExtensions
{
    public static int? UnitId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(SiteClaims.UnitId), NumberStyles.None, CultureInfo.InvariantCulture, out var unitId) ? unitId : null;

    public static bool HasTwoFactor(this ClaimsPrincipal user) => user.HasClaim(SiteClaims.TwoFactorEnabled, "true");

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(SiteClaims.FullName) ?? user.Identity?.Name ?? string.Empty;
}
