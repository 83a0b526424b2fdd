using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Data;

namespace PreventionStrategy.Web.Features.Identity.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Users = await db.Users.AsNoTracking()
            .OrderBy(u => u.FullName)
            .Select(u => new UserRow(
                u.Id,
                u.FullName,
                u.Email ?? string.Empty,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefault(),
                u.Unit == null ? null : u.Unit.Name,
                u.IsDisabled,
                u.PasswordHash != null))
            .ToListAsync(cancellationToken);
    }
}

public sealed record UserRow(string Id, string FullName, string Email, string? Role, string? Unit, bool IsDisabled, bool HasPassword);
