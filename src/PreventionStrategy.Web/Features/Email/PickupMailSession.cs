using MimeKit;

namespace PreventionStrategy.Web.Features.Email;

/// <summary>Writes each message as an .eml file: the embedded default, so the demo needs no mail server.</summary>
public sealed class PickupMailSession(string folder) : IMailSession
{
    public int ConnectionsOpened => 0;

    /// <summary>As SMTP carries it: CRLF line ends (MimeKit otherwise writes the platform's, LF on Linux).</summary>
    private static readonly FormatOptions WireFormat = new() { NewLineFormat = NewLineFormat.Dos };

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);

        // What an SMTP client does before DATA, for a server without 8BITMIME: every part that is
        // not plain 7-bit ASCII in short lines gets quoted-printable or base64. An MTA relaying
        // from the folder may not offer 8BITMIME either.
        message.Prepare(EncodingConstraint.SevenBit, 78);

        // Written under a temporary name first, so a reader of the folder never sees half a message.
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(WireFormat, partial, cancellationToken);
        File.Move(partial, Path.Combine(folder, name + ".eml"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
