using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PreventionStrategy.Web.Features.Email;

/// <summary>
/// One SMTP connection for a whole batch, opened on the first message. A refused message
/// (<see cref="SmtpCommandException"/>) leaves the connection usable; a broken connection (I/O or
/// protocol error) is dropped and the next message opens a new one.
/// </summary>
public sealed class SmtpMailSession(EmailOptions options) : IMailSession
{
    private SmtpClient? client;

    public int ConnectionsOpened { get; private set; }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var connected = await ConnectedClientAsync(cancellationToken);
            await connected.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            // 4xx: the server asks us to come back later; 5xx: it will never take this message.
            var code = (int)ex.StatusCode;
            await DropIfBrokenAsync();
            throw new MailSendException($"{code} {ex.Message}".Trim(), permanent: code >= 500, ex);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException or TimeoutException)
        {
            await DropAsync();
            throw new MailSendException(ex.Message, permanent: false, ex);
        }
        catch (AuthenticationException ex)
        {
            // Wrong credentials are a configuration error: retrying later helps once someone fixes it.
            await DropAsync();
            throw new MailSendException(ex.Message, permanent: false, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is { IsConnected: true })
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // Everything was sent or recorded as failed already; a failing QUIT changes nothing.
            }
        }

        client?.Dispose();
        client = null;
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
        {
            return client;
        }

        await DropAsync();
        client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(options.SmtpTimeoutSeconds).TotalMilliseconds };
        ConnectionsOpened++;

        // Nagle's algorithm holds back each small SMTP command until the server acknowledges the
        // previous one (up to 40 ms of delayed ACK per message); a batch of thousands feels that.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.SmtpHost!, options.SmtpPort, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        await client.ConnectAsync(socket, options.SmtpHost!, options.SmtpPort, ToSocketOptions(options.SmtpSecurity), cancellationToken);
        if (!string.IsNullOrEmpty(options.SmtpUserName))
        {
            await client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? string.Empty, cancellationToken);
        }

        return client;
    }

    private async Task DropIfBrokenAsync()
    {
        if (client is { IsConnected: false })
        {
            await DropAsync();
        }
    }

    private async Task DropAsync()
    {
        if (client is not null)
        {
            await DisposeAsync();
        }
    }

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
