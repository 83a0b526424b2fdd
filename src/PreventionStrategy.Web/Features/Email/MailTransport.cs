using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PreventionStrategy.Web.Features.Email;

/// <summary>Sends one message, either into the pickup folder (embedded default) or through SMTP.</summary>
public sealed class MailTransport(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    private readonly EmailOptions options = options.Value;

    public MailboxAddress Sender => new(options.FromName, options.FromAddress);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        if (message.From.Count == 0)
        {
            message.From.Add(Sender);
        }

        if (options.Delivery == EmailDelivery.Pickup)
        {
            var folder = Path.Combine(environment.ContentRootPath, options.PickupDirectory);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, ToSocketOptions(options.SmtpSecurity), cancellationToken);
        if (!string.IsNullOrEmpty(options.SmtpUserName))
        {
            await client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
