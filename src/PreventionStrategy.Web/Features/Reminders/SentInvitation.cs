namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// The calendar invitation one address holds for one event, as last sent to it. The reminder job
/// compares this with the milestone to see who must be told of a change: a different date, time
/// or place (an update), an event cancelled, deleted or no longer theirs (a cancellation), a
/// cancelled event planned again (a new invitation). Kept by milestone id without a foreign key,
/// so it outlives a deleted milestone and the cancellation can still be written from it.
/// </summary>
public sealed class SentInvitation
{
    public int Id { get; set; }

    public int MilestoneId { get; set; }

    /// <summary>Lower-cased like an opt-out, so one address is one row however it is typed.</summary>
    public required string Email { get; set; }

    public string? RecipientName { get; set; }

    /// <summary>The SEQUENCE of the last REQUEST or CANCEL sent; the next one must be higher (RFC 5546).</summary>
    public int Sequence { get; set; }

    /// <summary>True once a CANCEL went out: the entry is gone from the recipient's calendar.</summary>
    public bool Cancelled { get; set; }

    public required string Title { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }

    public string? Location { get; set; }

    /// <summary>The ORGANIZER the invitation named: a cancellation must name the same one, or clients ignore it.</summary>
    public required string OrganizerEmail { get; set; }

    public string? OrganizerName { get; set; }

    /// <summary>When the address last got any message about the event: a reminder falling due before that is already covered.</summary>
    public DateTime LastSentAtUtc { get; set; }

    public (DateOnly? Date, TimeOnly? Start, TimeOnly? End, string? Location) EventDetails => (Date, StartTime, EndTime, Location);
}
