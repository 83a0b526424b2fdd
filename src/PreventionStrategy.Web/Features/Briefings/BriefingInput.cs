using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Briefings;

public sealed class BriefingInput
{
    /// <summary>Null: a briefing "as of now", for no particular meeting.</summary>
    [Display(Name = "Field.CommitteeMeeting")]
    public int? MeetingId { get; set; }

    /// <summary>
    /// When the form was shown (UTC ticks): an automatic briefing for the meeting issued after that is news to
    /// the administrator, who is told instead of getting a second version beside it.
    /// </summary>
    public long OpenedAtUtcTicks { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Statement")]
    public string? Statement { get; set; }
}
