using MimeKit;

namespace PreventionStrategy.Web.Features.Outbox;

/// <summary>A delivery made ready to send, or the reason it will not be sent.</summary>
public sealed record Composition(MimeMessage? Message, string? SkipReason, int? EventSequence = null, bool Broken = false)
{
    public static Composition Skip(string reason) => new(null, reason);

    /// <summary>The message could not be made (a fault of ours, not of the mail server): failed, for an administrator to look at.</summary>
    public static Composition Fail(string reason) => new(null, reason, Broken: true);

    public static Composition Send(MimeMessage message, int? eventSequence = null) => new(message, null, eventSequence);
}
