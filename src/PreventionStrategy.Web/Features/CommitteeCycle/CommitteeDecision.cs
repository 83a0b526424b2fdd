using PreventionStrategy.Web.Data;
using PreventionStrategy.Web.Features.Committees;
using PreventionStrategy.Web.Features.Milestones;

namespace PreventionStrategy.Web.Features.CommitteeCycle;

/// <summary>
/// A decision the committee is asked to take about a milestone (to approve money, to move a deadline),
/// asked with a status explanation and answered by an administrator after the meeting. An <see cref="Entity"/>,
/// so the audit trail records both and a stale answer form is refused.
/// </summary>
public sealed class CommitteeDecision : Entity
{
    public int MilestoneId { get; set; }

    public Milestone? Milestone { get; set; }

    public required string Question { get; set; }

    /// <summary>The meeting it is for; null for "the next meeting".</summary>
    public int? CommitteeMeetingId { get; set; }

    public CommitteeMeeting? CommitteeMeeting { get; set; }

    public string? AskedById { get; set; }

    public required string AskedByName { get; set; }

    public DateTime AskedAtUtc { get; set; }

    /// <summary>Null while the committee has not answered.</summary>
    public DecisionAnswer? Answer { get; set; }

    public string? AnswerNote { get; set; }

    public string? AnsweredById { get; set; }

    public string? AnsweredByName { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }
}

/// <summary>The committee's answer: Godkendt, Afvist, Udsat.</summary>
public enum DecisionAnswer
{
    Approved,
    Rejected,
    Postponed,
}
