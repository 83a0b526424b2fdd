using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Identity.Account;

/// <summary>First run: while the site has no administrator, the first visitor creates one. Afterwards the page is gone (404).</summary>
[AllowAnonymous]
public sealed class SetupModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    BootstrapAdministrator bootstrap,
    AppDbContext db,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await bootstrap.AnyAdministratorAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // One transaction that first takes the single first-run row: SQLite lets one writer in at a
        // time, and of simultaneous posts only the first can insert the row; the rest fail on its key.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (db.Database.IsPostgreSql())
        {
            // PostgreSQL lets writers in side by side: simultaneous posts queue here instead, and each after the
            // first sees its administrator, as on SQLite, rather than failing on the row's key.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"FirstRunClaims\" IN EXCLUSIVE MODE");
        }

        if (await bootstrap.AnyAdministratorAsync() || !await ClaimFirstRunAsync())
        {
            ModelState.AddModelError(string.Empty, localizer["Setup.AlreadyDone"]);
            return Page();
        }

        var user = new ApplicationUser { UserName = Input.Email, Email = Input.Email, EmailConfirmed = true, FullName = Input.FullName, CreatedAtUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }

            return Page();
        }

        IdentityCheck.Succeeded(await users.AddToRoleAsync(user, Roles.Administrator), "make the first user an administrator");
        await db.FirstRunClaims.Where(c => c.Id == FirstRunClaim.OnlyId).ExecuteUpdateAsync(set => set.SetProperty(c => c.UserId, user.Id));
        await transaction.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Index");
    }

    private async Task<bool> ClaimFirstRunAsync()
    {
        db.FirstRunClaims.Add(new FirstRunClaim { CompletedAtUtc = DateTime.UtcNow });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Another setup took the row first.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

public sealed class SetupInput : PasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.FullName")]
    public string FullName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;
}
