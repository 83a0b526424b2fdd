using System.ComponentModel.DataAnnotations;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Milestones;

public sealed class MilestoneInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Title")]
    public string Title { get; set; } = string.Empty;

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    [Display(Name = "Field.Kind")]
    public MilestoneKind Kind { get; set; } = MilestoneKind.Other;

    public TimingInput Timing { get; set; } = new();

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Location")]
    public string? Location { get; set; }

    /// <summary>Null follows the milestone kind.</summary>
    [Display(Name = "Field.RemindersEnabled")]
    public bool? RemindersEnabled { get; set; }

    [StringLength(50, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ReminderDaysBefore")]
    public string? ReminderDaysBefore { get; set; }

    [Display(Name = "Field.Owner")]
    public string? OwnerId { get; set; }

    [Display(Name = "Field.Status")]
    public MilestoneStatus Status { get; set; } = MilestoneStatus.Planned;

    [Range(0, 100, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.ProgressPercent")]
    public int ProgressPercent { get; set; }

    [Display(Name = "Field.ProgressFromTasks")]
    public bool ProgressFromTasks { get; set; }

    [Display(Name = "Field.ForecastDate")]
    public DateOnly? ForecastDate { get; set; }

    [Display(Name = "Field.Precondition")]
    public int? PreconditionId { get; set; }

    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.PreconditionNote")]
    public string? PreconditionNote { get; set; }

    [Display(Name = "Field.FocusAreas")]
    public List<int> FocusAreaIds { get; set; } = [];

    /// <summary>
    /// Role per stakeholder id; a stakeholder without a role takes no part. Keyed by the id as posted:
    /// an int key that is no number ("[abc]") would be refused by the binder in English.
    /// </summary>
    public Dictionary<string, StakeholderRole?> StakeholderRoles { get; set; } = [];

    /// <summary>The roles chosen, by stakeholder id; null when a key is not an id or names one twice.</summary>
    public Dictionary<int, StakeholderRole>? ChosenRoles()
    {
        var roles = new Dictionary<int, StakeholderRole>();
        foreach (var (key, role) in StakeholderRoles)
        {
            if (role is null)
            {
                continue;
            }

            if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || !roles.TryAdd(id, role.Value))
            {
                return null;
            }
        }

        return roles;
    }
}
