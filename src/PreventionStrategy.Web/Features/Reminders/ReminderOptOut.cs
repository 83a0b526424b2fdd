namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// An address that asked not to get reminders. Kept by address, not by login: most recipients are
/// stakeholders without one.
/// </summary>
public sealed class ReminderOptOut
{
    public int Id { get; set; }

    /// <summary>Lower-cased, so one address is one row however it is typed.</summary>
    public required string Email { get; set; }

    public DateTime OptedOutAtUtc { get; set; }

    /// <summary>
    /// Also no word when an event whose invitation the address holds moves or is cancelled. Off by
    /// default: without that word the calendar keeps showing an event that moved or is off.
    /// </summary>
    public bool AlsoInvitationChanges { get; set; }
}
