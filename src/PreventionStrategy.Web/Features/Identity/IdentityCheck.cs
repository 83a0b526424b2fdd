using Microsoft.AspNetCore.Identity;

namespace PreventionStrategy.Web.Features.Identity;

internal static class IdentityCheck
{
    /// <summary>For start-up work where a failure is a configuration error, not user input.</summary>
    public static void Succeeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
