using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>Who owns a milestone, as far as the right to update it is concerned.</summary>
public sealed record MilestoneOwnership(int MilestoneId, string? OwnerId, int? OwnerUnitId)
{
    public static Task<MilestoneOwnership?> FindAsync(AppDbContext db, int milestoneId, CancellationToken cancellationToken) =>
        db.Milestones.AsNoTracking()
            .Where(m => m.Id == milestoneId)
            .Select(m => new MilestoneOwnership(m.Id, m.OwnerId, m.Owner == null ? null : m.Owner.UnitId))
            .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// The one rule for changing a milestone's status and tasks: administrators change any; a
/// department head changes those they own and those owned by someone in their unit; nobody else.
/// Pages use it through the authorization handler, lists use it directly to decide which rows get
/// a quick-update form.
/// </summary>
public static class MilestoneAccess
{
    public static bool CanUpdate(ClaimsPrincipal user, string? ownerId, int? ownerUnitId)
    {
        if (user.IsInRole(Roles.Administrator))
        {
            return true;
        }

        if (!user.IsInRole(Roles.DepartmentHead))
        {
            return false;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return (ownerId is not null && ownerId == userId) || (ownerUnitId is not null && ownerUnitId == user.UnitId());
    }
}

public sealed class UpdateMilestoneRequirement : IAuthorizationRequirement
{
    public static readonly UpdateMilestoneRequirement Instance = new();
}

public sealed class MilestoneAuthorizationHandler : AuthorizationHandler<UpdateMilestoneRequirement, MilestoneOwnership>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, UpdateMilestoneRequirement requirement, MilestoneOwnership resource)
    {
        if (MilestoneAccess.CanUpdate(context.User, resource.OwnerId, resource.OwnerUnitId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
