using MimeKit;
using PreventionStrategy.Web.Features.Reminders;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>A delivery made ready to send, or the reason it will not be sent.</summary>
/// <param name="Invitation">What the message tells the recipient's calendar, recorded once it is sent; null for mail about no event.</param>
public sealed record Composition(MimeMessage? Message, string? SkipReason, int? EventSequence = null, bool Broken = false, InvitationSent? Invitation = null)
{
    public static Composition Skip(string reason) => new(null, reason);

    /// <summary>The message could not be made (a fault of ours, not of the mail server): failed, for an administrator to look at.</summary>
    public static Composition Fail(string reason) => new(null, reason, Broken: true);

    public static Composition Send(MimeMessage message, int? eventSequence = null, InvitationSent? invitation = null) => new(message, null, eventSequence, Invitation: invitation);
}
