using Microsoft.Extensions.Options;
using MimeKit;

namespace PreventionStrategy.Web.Features.Email;

/// <summary>Opens a mail session of the configured kind: the pickup folder (embedded default) or SMTP.</summary>
public sealed class MailTransport(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    private readonly EmailOptions options = options.Value;

    public MailboxAddress Sender => new(options.FromName, options.FromAddress);

    public IMailSession OpenSession() => options.Delivery == EmailDelivery.Pickup
        ? new PickupMailSession(Path.Combine(environment.ContentRootPath, options.PickupDirectory))
        : new SmtpMailSession(options);

    /// <summary>One message, now: for mail someone is waiting for (an invitation), not for batches.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(Sender);
        }

        await using var session = OpenSession();
        await session.SendAsync(message, cancellationToken);
    }
}
