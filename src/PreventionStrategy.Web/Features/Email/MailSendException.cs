namespace PreventionStrategy.Web.Features.Email;

/// <summary>A message that was not accepted, with whether trying again later can help.</summary>
public sealed class MailSendException(string reason, bool permanent, Exception? inner = null)
    : Exception(reason, inner)
{
    /// <summary>The server said no for good (5xx: unknown recipient, refused content); retrying would only repeat it.</summary>
    public bool Permanent { get; } = permanent;
}
