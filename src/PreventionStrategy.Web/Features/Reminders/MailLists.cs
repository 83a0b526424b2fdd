using PreventionStrategy.Web.Features.Outbox;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>Which list each kind of delivery belongs to, and which choices each list offers.</summary>
public static class MailLists
{
    public static readonly IReadOnlyList<MailList> All = Enum.GetValues<MailList>();

    /// <summary>
    /// The list a delivery belongs to; null for mail no choice stops: account mail, and the update or
    /// cancellation of an invitation already held (without it a calendar keeps an event that moved or is off).
    /// </summary>
    public static MailList? Of(DeliveryKind kind) => kind switch
    {
        DeliveryKind.EventReminder => MailList.EventReminders,
        DeliveryKind.UpdateRequest or DeliveryKind.UpdateRequestFollowUp or DeliveryKind.IndicatorRequest => MailList.UpdateRequests,
        DeliveryKind.Digest => MailList.Digest,
        DeliveryKind.Briefing => MailList.Briefings,
        _ => null,
    };

    /// <summary>
    /// Reminders and update requests can wait for the digest, which lists the same events and milestones;
    /// the digest itself is on or off, and a briefing is the committee's meeting material, sent or not.
    /// </summary>
    public static IReadOnlyList<MailChoice> Choices(MailList list) => list switch
    {
        MailList.EventReminders or MailList.UpdateRequests => [MailChoice.Immediately, MailChoice.InDigest, MailChoice.Never],
        _ => [MailChoice.Immediately, MailChoice.Never],
    };

    /// <summary>Whether a message of this kind goes out on its own to an address with this choice.</summary>
    public static bool SendsOnItsOwn(DeliveryKind kind, MailChoice choice) => Of(kind) is null || choice == MailChoice.Immediately;

    /// <summary>Whether the digest includes what this list would have said.</summary>
    public static bool InDigest(MailChoice choice) => choice != MailChoice.Never;
}
