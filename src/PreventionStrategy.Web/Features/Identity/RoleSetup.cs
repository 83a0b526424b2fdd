using Microsoft.AspNetCore.Identity;

namespace PreventionStrategy.Web.Features.Identity;

public static class RoleSetup
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                IdentityCheck.Succeeded(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
    }
}
