using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Stakeholders;

namespace PreventionStrategy.Web.Features.Committees;

/// <summary>A political committee (udvalg) that strategies report to. Its members are stakeholders: they need no login to receive briefings.</summary>
public sealed class Committee : Entity
{
    public required string Name { get; set; }

    public required string Municipality { get; set; }

    public string? Description { get; set; }

    public List<Stakeholder> Members { get; set; } = [];

    public List<CommitteeMeeting> Meetings { get; set; } = [];
}

public sealed class CommitteeMeeting : Entity
{
    public int CommitteeId { get; set; }

    public Committee? Committee { get; set; }

    public DateOnly MeetingDate { get; set; }

    public TimeOnly? StartTime { get; set; }

    public string? Location { get; set; }

    /// <summary>The last day a status briefing can be delivered for this meeting.</summary>
    public DateOnly BriefingDeadline { get; set; }

    public string? Notes { get; set; }
}
