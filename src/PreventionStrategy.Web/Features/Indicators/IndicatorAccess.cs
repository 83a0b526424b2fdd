using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Indicators;

/// <summary>Who must report an indicator, as far as the right to enter its values is concerned.</summary>
public sealed record IndicatorOwnership(int IndicatorId, int StrategyId, string? OwnerId)
{
    public static Task<IndicatorOwnership?> FindAsync(AppDbContext db, int indicatorId, CancellationToken cancellationToken) =>
        db.Indicators.AsNoTracking()
            .Where(i => i.Id == indicatorId)
            .Select(i => new IndicatorOwnership(i.Id, i.StrategyId, i.OwnerId))
            .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// The gate of the owners' pages (entry grid, CSV import): the indicator exists (else 404) and the user may enter its
/// figures (else 403); hands back the indicator's strategy name for the page's heading.
/// </summary>
public static class IndicatorOwnerGate
{
    public static async Task<(IActionResult? Refusal, string StrategyName)> PassAsync(
        AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, int indicatorId, CancellationToken cancellationToken)
    {
        var ownership = await IndicatorOwnership.FindAsync(db, indicatorId, cancellationToken);
        if (ownership is null)
        {
            return (new NotFoundResult(), string.Empty);
        }

        if (!(await authorization.AuthorizeAsync(user, ownership, EnterMeasurementsRequirement.Instance)).Succeeded)
        {
            return (new ForbidResult(), string.Empty);
        }

        return (null, await db.Strategies.Where(s => s.Id == ownership.StrategyId).Select(s => s.Name).FirstAsync(cancellationToken));
    }
}

/// <summary>The one rule for entering and importing an indicator's values: administrators, and the indicator's owner.</summary>
public static class IndicatorAccess
{
    public static bool CanEnter(ClaimsPrincipal user, string? ownerId) =>
        user.IsInRole(Roles.Administrator)
        || (ownerId is not null && (user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.Administrator)) && ownerId == user.FindFirstValue(ClaimTypes.NameIdentifier));
}

public sealed class EnterMeasurementsRequirement : IAuthorizationRequirement
{
    public static readonly EnterMeasurementsRequirement Instance = new();
}

public sealed class IndicatorAuthorizationHandler : AuthorizationHandler<EnterMeasurementsRequirement, IndicatorOwnership>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EnterMeasurementsRequirement requirement, IndicatorOwnership resource)
    {
        if (IndicatorAccess.CanEnter(context.User, resource.OwnerId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
