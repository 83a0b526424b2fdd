namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>
/// One email to one recipient on one occasion. The row is written before anything is sent, and
/// its <see cref="Key"/> is unique, so planning the same occasion twice (two job runs, two
/// servers) yields one row and therefore one message.
/// </summary>
public sealed class Delivery
{
    public long Id { get; set; }

    /// <summary>What, to whom, on which occasion: e.g. "reminder:42:2026-12-04:3:anna@norddjurs.dk".</summary>
    public required string Key { get; set; }

    public DeliveryKind Kind { get; set; }

    public int? MilestoneId { get; set; }

    public int? CommitteeMeetingId { get; set; }

    /// <summary>The issued briefing a <see cref="DeliveryKind.Briefing"/> carries.</summary>
    public int? CommitteeBriefingId { get; set; }

    /// <summary>The login a message is about, for update requests (the owner asked to update).</summary>
    public string? UserId { get; set; }

    /// <summary>Days before the event, for reminders.</summary>
    public int? DaysBefore { get; set; }

    /// <summary>The event date a reminder was planned for: once the event moves, it is not sent (the new date gets its own).</summary>
    public DateOnly? EventDate { get; set; }

    /// <summary>The SEQUENCE the invitation carried when it was sent.</summary>
    public int? EventSequence { get; set; }

    public required string RecipientEmail { get; set; }

    public string? RecipientName { get; set; }

    /// <summary>Filled in when the message is composed, for the outbox list.</summary>
    public string? Subject { get; set; }

    public DeliveryState State { get; set; } = DeliveryState.Pending;

    public int Attempts { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>The server's reply or the reason it was not sent.</summary>
    public string? LastError { get; set; }

    /// <summary>Which run is sending it; a claim that outlives <see cref="ClaimedUntilUtc"/> belonged to a run that died.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>The process holding the claim ("host:pid"), so the outbox can say who it waits for.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>
    /// The random part of the Message-ID: fixed when the row is made, so a message resent after a
    /// crash keeps its id, yet unique across databases (a restored copy, a second installation).
    /// Null only on rows from before it existed.
    /// </summary>
    public Guid? MessageGuid { get; set; } = Guid.NewGuid();
}

public enum DeliveryKind
{
    EventReminder,
    EventUpdate,
    EventCancellation,
    UpdateRequest,
    UpdateRequestFollowUp,

    /// <summary>A committee briefing, as a PDF attachment, to a committee member.</summary>
    Briefing,

    /// <summary>Asks an indicator's owner for the figures missing before a committee meeting.</summary>
    IndicatorRequest,

    /// <summary>A set-password link for someone an administrator invited.</summary>
    Invitation,

    /// <summary>The weekly digest: what a person's milestones and indicators need, and their events of the next two weeks.</summary>
    Digest,

    /// <summary>A set-password link for someone who forgot their password, or whose password an administrator reset.</summary>
    PasswordReset,
}

public enum DeliveryState
{
    Pending,
    Sent,
    Failed,

    /// <summary>Not sent on purpose: the recipient opted out, or the event passed or was cancelled before it went.</summary>
    Skipped,
}
