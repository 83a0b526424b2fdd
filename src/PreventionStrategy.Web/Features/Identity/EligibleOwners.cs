using Microsoft.AspNetCore.Identity;

namespace PreventionStrategy.Web.Features.Identity;

/// <summary>Who may own a milestone or an indicator: department heads and administrators whose accounts are active.</summary>
public static class EligibleOwners
{
    public static async Task<IList<ApplicationUser>> ListAsync(UserManager<ApplicationUser> users)
    {
        var heads = await users.GetUsersInRoleAsync(Roles.DepartmentHead);
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        return heads.Concat(admins).Where(u => !u.IsDisabled).DistinctBy(u => u.Id).OrderBy(u => u.FullName).ToList();
    }
}
