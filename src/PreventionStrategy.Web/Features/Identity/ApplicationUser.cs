using Microsoft.AspNetCore.Identity;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public required string FullName { get; set; }

    /// <summary>The unit a department head leads or a member of staff works in.</summary>
    public int? UnitId { get; set; }

    public Stakeholder? Unit { get; set; }

    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
