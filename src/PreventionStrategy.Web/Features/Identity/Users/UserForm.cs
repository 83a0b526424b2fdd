using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Identity.Users;

/// <summary>The choices and checks the invite and edit forms share.</summary>
public sealed class UserForm(AppDbContext db, IStringLocalizer<SharedResource> localizer)
{
    public IReadOnlyList<SelectListItem> RoleOptions(string selected) =>
        Roles.All.Select(r => new SelectListItem(localizer["Role." + r], r, r == selected)).ToList();

    public Task<List<SelectListItem>> UnitOptionsAsync(CancellationToken cancellationToken) =>
        db.Stakeholders.AsNoTracking().Where(s => s.Kind == StakeholderKind.Unit && !s.IsExternal).OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(cancellationToken);

    public async Task ValidateAsync(UserInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(input.Role))
        {
            modelState.AddModelError("Input.Role", localizer["Users.UnknownRole"]);
        }

        if (input.UnitId is { } unitId && !await db.Stakeholders.AnyAsync(s => s.Id == unitId && s.Kind == StakeholderKind.Unit, cancellationToken))
        {
            modelState.AddModelError("Input.UnitId", localizer["Users.UnknownUnit"]);
        }
    }
}
