using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.Identity;

public sealed class BootstrapAdminOptions : IValidatableObject
{
    public const string Section = "BootstrapAdmin";

    [EmailAddress]
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string FullName { get; set; } = "Administrator";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Email) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("BootstrapAdmin:Password is required when BootstrapAdmin:Email is set.", [nameof(Password)]);
        }
    }
}

/// <summary>
/// The first administrator, from configuration (environment or secret store, never the repo).
/// Created only while no administrator exists, so a changed setting cannot take over a running site.
/// Without it, the first visitor is offered the first-run page.
/// </summary>
public sealed class BootstrapAdministrator(UserManager<ApplicationUser> users, IOptions<BootstrapAdminOptions> options)
{
    public async Task EnsureAsync()
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Email) || (await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var user = new ApplicationUser
        {
            UserName = settings.Email,
            Email = settings.Email,
            EmailConfirmed = true,
            FullName = settings.FullName,
            CreatedAtUtc = DateTime.UtcNow,
        };
        IdentityCheck.Succeeded(await users.CreateAsync(user, settings.Password!), "create the bootstrap administrator");
        IdentityCheck.Succeeded(await users.AddToRoleAsync(user, Roles.Administrator), "make the bootstrap user an administrator");
    }

    public async Task<bool> AnyAdministratorAsync() => (await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0;
}
