using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PreventionStrategy.Web.Features.Identity.Account;

/// <summary>First run: while the site has no administrator, the first visitor creates one. Afterwards the page is gone (404).</summary>
[AllowAnonymous]
public sealed class SetupModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, BootstrapAdministrator bootstrap) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await bootstrap.AnyAdministratorAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await bootstrap.AnyAdministratorAsync())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
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

        await users.AddToRoleAsync(user, Roles.Administrator);
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Index");
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
