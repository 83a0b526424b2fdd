using MimeKit;

namespace PreventionStrategy.Web.Features.Email;

/// <summary>Writes each message as an .eml file: the embedded default, so the demo needs no mail server.</summary>
public sealed class PickupMailSession(string folder) : IMailSession
{
    public int ConnectionsOpened => 0;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);

        // Written under a temporary name first, so a reader of the folder never sees half a message.
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(folder, name + ".eml"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
