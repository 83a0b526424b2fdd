using MimeKit;

namespace PreventionStrategy.Web.Features.Email;

/// <summary>
/// Sends a batch of messages over one connection. Throws <see cref="MailSendException"/> for a
/// message that was not accepted; the session stays usable for the next one.
/// </summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>How many connections the session had to open: one for a healthy batch.</summary>
    int ConnectionsOpened { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
