using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Plans;

namespace PreventionStrategy.Web.Features.Committees;

/// <summary>The committee meeting form, with the checks that explain in words what is wrong.</summary>
public sealed class MeetingInput
{
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.MeetingDate")]
    public DateOnly? MeetingDate { get; set; }

    [Display(Name = "Field.StartTime")]
    public TimeOnly? StartTime { get; set; }

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Location")]
    public string? Location { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.BriefingDeadline")]
    public DateOnly? BriefingDeadline { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Notes")]
    public string? Notes { get; set; }

    public static MeetingInput From(CommitteeMeeting meeting) => new()
    {
        Version = meeting.Version,
        MeetingDate = meeting.MeetingDate,
        StartTime = meeting.StartTime,
        Location = meeting.Location,
        BriefingDeadline = meeting.BriefingDeadline,
        Notes = meeting.Notes,
    };

    /// <summary>Errors keyed by the field they belong to, relative to this input ("MeetingDate", "BriefingDeadline").</summary>
    public IEnumerable<(string Field, string Message)> Validate(IStringLocalizer localizer)
    {
        if (MeetingDate is { } meeting && meeting.Year is < PlannedTiming.MinYear or > PlannedTiming.MaxYear)
        {
            yield return (nameof(MeetingDate), localizer["Timing.YearRange", PlannedTiming.MinYear, PlannedTiming.MaxYear]);
        }

        if (BriefingDeadline is { } deadline)
        {
            if (deadline.Year is < PlannedTiming.MinYear or > PlannedTiming.MaxYear)
            {
                yield return (nameof(BriefingDeadline), localizer["Timing.YearRange", PlannedTiming.MinYear, PlannedTiming.MaxYear]);
            }
            else if (MeetingDate is { } date && deadline > date)
            {
                yield return (nameof(BriefingDeadline), localizer["Committees.DeadlineAfterMeeting"]);
            }
        }
    }

    /// <summary>Only call after <see cref="Validate"/> found nothing.</summary>
    public void ApplyTo(AppDbContext db, CommitteeMeeting meeting)
    {
        // The version the user saw: if someone saved since, SaveChanges refuses instead of overwriting.
        db.Entry(meeting).Property(m => m.Version).OriginalValue = Version;
        meeting.MeetingDate = MeetingDate!.Value;
        meeting.StartTime = StartTime;
        meeting.Location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim();
        meeting.BriefingDeadline = BriefingDeadline!.Value;
        meeting.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }
}
