using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Features.Audit;
using PreventionStrategy.Web.Features.Security;

namespace PreventionStrategy.Web.Features.Identity.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(UserManager<ApplicationUser> users, UserForm form, UserInvitations invitations, SecurityEvents events, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public string Id { get; private set; } = string.Empty;

    public bool HasPassword { get; private set; }

    public bool IsSelf { get; private set; }

    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        Input = new UserInput
        {
            FullName = user.FullName,
            Email = user.Email ?? string.Empty,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Staff,
            UnitId = user.UnitId,
            IsDisabled = user.IsDisabled,
        };
        return await ShowFormAsync(user, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await form.ValidateAsync(Input, ModelState, cancellationToken);
        var currentRoles = await users.GetRolesAsync(user);
        var isSelf = user.Id == users.GetUserId(User);
        if (isSelf && (Input.IsDisabled || Input.Role != Roles.Administrator))
        {
            ModelState.AddModelError(string.Empty, localizer["Users.CannotDemoteSelf"]);
        }

        if (!ModelState.IsValid)
        {
            return await ShowFormAsync(user, cancellationToken);
        }

        var accessChanged = user.IsDisabled != Input.IsDisabled || !currentRoles.SequenceEqual([Input.Role]) || user.UnitId != Input.UnitId;
        user.FullName = Input.FullName.Trim();
        user.UnitId = Input.UnitId;
        user.IsDisabled = Input.IsDisabled;
        if (!string.Equals(user.Email, Input.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            user.Email = Input.Email.Trim();
            user.UserName = user.Email;
        }

        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            foreach (var error in updated.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email" : string.Empty, error.Description);
            }

            return await ShowFormAsync(user, cancellationToken);
        }

        if (accessChanged)
        {
            if (!currentRoles.SequenceEqual([Input.Role]))
            {
                await users.RemoveFromRolesAsync(user, currentRoles);
                await users.AddToRoleAsync(user, Input.Role);
                await events.RecordAsync(AuditAction.RoleChanged, user.Id, user.Email,
                    new AuditChange("Role", string.Join(", ", currentRoles), Input.Role, AuditChange.Kinds.Role));
            }

            // A new security stamp signs the user out everywhere at the next validation, so a removed role
            // stops working and a new unit (a claim in the cookie) takes effect.
            await users.UpdateSecurityStampAsync(user);
        }

        TempData["Success"] = localizer["Saved", user.FullName].Value;
        return RedirectToPage("/Identity/Users/Index");
    }

    public async Task<IActionResult> OnPostResendAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await invitations.SendAsync(user, cancellationToken);
        TempData["Success"] = localizer["Users.Invited.Done", user.Email!].Value;
        return RedirectToPage("/Identity/Users/Edit", new { id });
    }

    /// <summary>Signs the user out on every device at the next security-stamp check (within five minutes).</summary>
    public async Task<IActionResult> OnPostEndSessionsAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.UpdateSecurityStampAsync(user);
        await events.RecordAsync(AuditAction.SessionsEnded, user.Id, user.Email);
        TempData["Success"] = localizer["Users.SessionsEnded", user.FullName].Value;
        return RedirectToPage("/Identity/Users/Edit", new { id });
    }

    /// <summary>Removes the password (which also ends the user's sessions) and mails a link to choose a new one.</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            ModelState.AddModelError(string.Empty, localizer["Users.CannotResetSelf"]);
            return await OnGetAsync(id, cancellationToken);
        }

        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }
        else
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await invitations.SendPasswordResetAsync(user, cancellationToken);
        await events.RecordAsync(AuditAction.PasswordReset, user.Id, user.Email, SecurityEvents.Fact("Reason", localizer["Security.ResetByAdministrator"]));
        TempData["Success"] = localizer["Users.PasswordResetDone", user.Email!].Value;
        return RedirectToPage("/Identity/Users/Edit", new { id });
    }

    private async Task<IActionResult> ShowFormAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        Id = user.Id;
        HasPassword = user.PasswordHash is not null;
        IsSelf = user.Id == users.GetUserId(User);
        Units = await form.UnitOptionsAsync(cancellationToken);
        return Page();
    }
}
