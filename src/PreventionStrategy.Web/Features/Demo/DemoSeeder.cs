using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;
using PreventionStrategy.Web.Features.Plans.Transfer;

namespace PreventionStrategy.Web.Features.Demo;

/// <summary>
/// The demo: one user per role and the Norddjurs plan, loaded through the same importer any
/// municipality uses. Runs only when the database holds no strategy, so restarts add nothing.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<ApplicationUser> users, PlanImporter importer, DemoExamples examples, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger)
{
    public const string Password = "Forebyg-2025!";

    public static readonly IReadOnlyList<(string Email, string FullName, string Role)> Users =
    [
        ("admin@demo.local", "Anne Administrator", Roles.Administrator),
        ("leder@demo.local", "Lars Leder", Roles.DepartmentHead),
        ("medarbejder@demo.local", "Mette Medarbejder", Roles.Staff),
        ("udvalg@demo.local", "Ulla Udvalgsmedlem", Roles.Committee),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (email, fullName, role) in Users)
        {
            await EnsureUserAsync(email, fullName, role);
        }

        if (await db.Strategies.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var plan = OpenNorddjursPlan();
        var result = await importer.ImportAsync(plan, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The Norddjurs demo plan did not import: " + string.Join("; ", result.Errors));
        }

        logger.LogInformation("Demo data seeded: the Norddjurs plan is strategy {StrategyId}", result.StrategyId);
        if (options.Value.ExampleData)
        {
            await examples.AddAsync(result.StrategyId!.Value, cancellationToken);
        }
    }

    /// <summary>The Norddjurs plan file built into the site, as the demo loads it.</summary>
    public static Stream OpenNorddjursPlan() =>
        typeof(DemoSeeder).Assembly.GetManifestResourceStream("PreventionStrategy.Web.norddjurs-plan.json")
            ?? throw new InvalidOperationException("The embedded Norddjurs plan is missing.");

    private async Task EnsureUserAsync(string email, string fullName, string role)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, CreatedAtUtc = DateTime.UtcNow };
        IdentityCheck.Succeeded(await users.CreateAsync(user, Password), $"create demo user {email}");
        IdentityCheck.Succeeded(await users.AddToRoleAsync(user, role), $"add {email} to {role}");
    }
}
