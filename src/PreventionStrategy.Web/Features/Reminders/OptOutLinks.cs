using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace PreventionStrategy.Web.Features.Reminders;

/// <summary>
/// Signed opt-out links: the token names the address and is signed with the site's Data Protection
/// keys, so nobody can opt out someone else by editing the link, and no login is needed.
/// </summary>
public sealed class OptOutLinks(IDataProtectionProvider protection, IOptions<SiteOptions> site)
{
    private readonly IDataProtector protector = protection.CreateProtector("PreventionStrategy.Reminders.OptOut.v1");

    public string For(string email) =>
        $"{site.Value.PublicBaseUrl.TrimEnd('/')}/Reminders/Unsubscribe?token={Token(email)}";

    public string Token(string email) =>
        WebEncoders.Base64UrlEncode(protector.Protect(Encoding.UTF8.GetBytes(OptOuts.Normalize(email))));

    public bool TryRead(string? token, out string email)
    {
        email = string.Empty;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return false;
        }

        try
        {
            email = Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
