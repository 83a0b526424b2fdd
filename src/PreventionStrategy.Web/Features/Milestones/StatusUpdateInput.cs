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

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Reason")]
    public string? Reason { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ConsequenceForPlan")]
    public string? ConsequenceForPlan { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ConsequenceForFamilies")]
    public string? ConsequenceForFamilies { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.NextStep")]
    public string? NextStep { get; set; }

    [Display(Name = "Field.NextStepDate")]
    public DateOnly? NextStepDate { get; set; }

    [StringLength(CommitteeCycle.DecisionLimits.QuestionLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DecisionQuestion")]
    public string? DecisionQuestion { get; set; }

    [Display(Name = "Field.DecisionMeeting")]
    public int? DecisionMeetingId { get; set; }

    /// <summary>These statuses tell the committee something is wrong: they must explain why, what it means and what happens next.</summary>
    public static bool NeedsExplanation(MilestoneStatus status) =>
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
