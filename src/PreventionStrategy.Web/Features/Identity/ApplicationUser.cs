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

    /// <summary>The last wrong password: failures older than the lock-out window no longer count towards a lock-out.</summary>
    public DateTime? LastSignInFailureAtUtc { get; set; }
}
