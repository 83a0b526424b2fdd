using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace PreventionStrategy.Web.Features.Identity.Users;

/// <summary>No self-registration: an administrator invites a person, who sets a password from the emailed link.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class InviteModel(UserManager<ApplicationUser> users, UserForm form, UserInvitations invitations, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Units = await form.UnitOptionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await form.ValidateAsync(Input, ModelState, cancellationToken);
        if (ModelState.IsValid)
        {
            var user = new ApplicationUser
            {
                UserName = Input.Email.Trim(),
                Email = Input.Email.Trim(),
                FullName = Input.FullName.Trim(),
                UnitId = Input.UnitId,
                CreatedAtUtc = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                await users.AddToRoleAsync(user, Input.Role);
                await invitations.SendAsync(user, cancellationToken);
                TempData["Success"] = localizer["Users.Invited.Done", user.Email!].Value;
                return RedirectToPage("/Identity/Users/Index");
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("Input.Email", error.Description);
            }
        }

        Units = await form.UnitOptionsAsync(cancellationToken);
        return Page();
    }
}
