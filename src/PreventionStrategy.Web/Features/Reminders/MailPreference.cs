namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// How one address wants one kind of message (a list, in the sense of RFC 2369/8058). Kept by
/// address, not by login, like <see cref="ReminderOptOut"/>: most recipients have no login. No row
/// means <see cref="MailChoice.Immediately"/>.
/// </summary>
public sealed class MailPreference
{
    public int Id { get; set; }

    /// <summary>Lower-cased (<see cref="OptOuts.Normalize"/>).</summary>
    public required string Email { get; set; }

    public MailList List { get; set; }

    public MailChoice Choice { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    /// <summary>Where the choice was made: the settings page, the confirmation page behind the link, or a mail client's one-click unsubscribe.</summary>
    public MailPreferenceSource Source { get; set; }
}

/// <summary>The kinds of message a person can choose about.</summary>
public enum MailList
{
    EventReminders,
    UpdateRequests,
    Digest,
    Briefings,
}

public enum MailChoice
{
    Immediately,

    /// <summary>Not on its own, but in the weekly digest.</summary>
    InDigest,
    Never,
}

public enum MailPreferenceSource
{
    Settings,
    Link,
    OneClick,
}
