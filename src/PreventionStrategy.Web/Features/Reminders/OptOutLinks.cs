using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// Signed opt-out links: the token names the address (and, in links made since one-click
/// unsubscribe, the list: the kind of message) and is signed with the site's Data Protection keys,
/// so nobody can opt out someone else, or change which list, by editing the link, and no login is needed.
/// </summary>
public sealed class OptOutLinks(IDataProtectionProvider protection, IOptions<SiteOptions> site)
{
    /// <summary>Separates list and address in a token; an address cannot hold it.</summary>
    private const char Separator = '\n';

    private readonly IDataProtector protector = protection.CreateProtector("PreventionStrategy.Reminders.OptOut.v1");

    public string For(string email, MailList? list = null) =>
        $"{site.Value.PublicBaseUrl.TrimEnd('/')}/Reminders/Unsubscribe?token={Token(email, list)}";

    public string Token(string email, MailList? list = null)
    {
        var payload = list is { } named ? $"{named}{Separator}{OptOuts.Normalize(email)}" : OptOuts.Normalize(email);
        return WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public bool TryRead(string? token, out string email) => TryRead(token, out email, out _);

    /// <param name="list">The list the link is for; null for links that name only the address (all reminders).</param>
    public bool TryRead(string? token, out string email, out MailList? list)
    {
        email = string.Empty;
        list = null;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return false;
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }

        var parts = payload.Split(Separator);
        if (parts.Length == 1)
        {
            email = parts[0];
            return true;
        }

        if (parts.Length != 2 || !Enum.TryParse<MailList>(parts[0], out var named) || !Enum.IsDefined(named))
        {
            return false;
        }

        email = parts[1];
        list = named;
        return true;
    }
}
