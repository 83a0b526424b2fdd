using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Briefings;

public sealed class BriefingInput
{
    /// <summary>Null: a briefing "as of now", for no particular meeting.</summary>
    [Display(Name = "Field.CommitteeMeeting")]
    public int? MeetingId { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Statement")]
    public string? Statement { get; set; }
}
