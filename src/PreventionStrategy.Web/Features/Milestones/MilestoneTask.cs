using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Identity;

namespace PreventionStrategy.Web.Features.Milestones;

/// <summary>A task (opgave) under a milestone. Named so it never collides with System.Threading.Tasks.Task.</summary>
public sealed class MilestoneTask : Entity
{
    public int MilestoneId { get; set; }

    public Milestone? Milestone { get; set; }

    public required string Title { get; set; }

    public string? OwnerId { get; set; }

    public ApplicationUser? Owner { get; set; }

    public DateOnly? DueDate { get; set; }

    public bool IsDone { get; set; }

    public DateOnly? DoneOn { get; set; }
}
