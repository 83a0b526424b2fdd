using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Milestones;

public sealed class StatusUpdateInput
{
    public int Version { get; set; }

    [Display(Name = "Field.Status")]
    public MilestoneStatus Status { get; set; }

    [Range(0, 100, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.ProgressPercent")]
    public int ProgressPercent { get; set; }

    [Display(Name = "Field.ForecastDate")]
    public DateOnly? ForecastDate { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Comment")]
    public string? Comment { get; set; }

    [Display(Name = "Field.ProgressFromTasks")]
    public bool ProgressFromTasks { get; set; }

    /// <summary>These statuses tell the committee something is wrong: they must say why.</summary>
    public static bool NeedsComment(MilestoneStatus status) =>
        status is MilestoneStatus.AtRisk or MilestoneStatus.Delayed or MilestoneStatus.Cancelled;

    public static StatusUpdateInput From(Milestone milestone) => new()
    {
        Version = milestone.Version,
        Status = milestone.Status,
        ProgressPercent = milestone.ProgressPercent,
        ForecastDate = milestone.ForecastDate,
        ProgressFromTasks = milestone.ProgressFromTasks,
    };
}
