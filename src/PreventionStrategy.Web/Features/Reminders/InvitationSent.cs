namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// What a message tells the recipient's calendar about an event. Composed with the message and
/// stored in <see cref="SentInvitation"/> only once the mail server accepted it, so the database
/// says what each calendar holds.
/// </summary>
public sealed record InvitationSent(
    int MilestoneId,
    int Sequence,
    bool Cancelled,
    string Title,
    DateOnly Date,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    string? Location,
    string OrganizerEmail,
    string? OrganizerName)
{
    public static InvitationSent From(SentInvitation held) => new(
        held.MilestoneId, held.Sequence, held.Cancelled, held.Title, held.Date, held.StartTime, held.EndTime, held.Location, held.OrganizerEmail, held.OrganizerName);

    /// <summary>Writes this over what the address held (or a new row), as of <paramref name="sentAtUtc"/>.</summary>
    public void ApplyTo(SentInvitation held, string? recipientName, DateTime sentAtUtc)
    {
        held.RecipientName = recipientName ?? held.RecipientName;
        held.Sequence = Sequence;
        held.Cancelled = Cancelled;
        held.Title = Title;
        held.Date = Date;
        held.StartTime = StartTime;
        held.EndTime = EndTime;
        held.Location = Location;
        held.OrganizerEmail = OrganizerEmail;
        held.OrganizerName = OrganizerName;
        held.LastSentAtUtc = sentAtUtc;
    }
}
