using System.ComponentModel.DataAnnotations;

namespace PreventionStrategy.Web.Features.Briefings;

public sealed class BriefingOptions
{
    public const string Section = "Briefings";

    /// <summary>Days before a committee meeting that its briefing is issued and sent to the committee's members.</summary>
    [Range(0, 60)]
    public int DaysBeforeMeeting { get; set; } = 5;

    /// <summary>Issue and send automatically at all; off, briefings are issued only by hand.</summary>
    public bool SendAutomatically { get; set; } = true;
}
