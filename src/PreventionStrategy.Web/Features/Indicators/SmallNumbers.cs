using System.Security.Claims;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>
/// The small-number rule: a count from 1 to 4 could single out a child, so readers who are not
/// administrators see it as "&lt;5" (as Danmarks Statistik discretises small numbers), in tables,
/// charts (not drawn), changes and the briefing. Administrators, who enter the figures, see them.
/// Only counts are covered: amounts, shares and rates do not count children.
/// </summary>
public static class SmallNumbers
{
    public const decimal Threshold = 5;

    public static bool IsHidden(IndicatorUnit unit, decimal value, bool viewerSeesSmallNumbers) =>
        !viewerSeesSmallNumbers && unit == IndicatorUnit.Count && value > 0 && value < Threshold;

    public static bool ViewerSees(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);
}
