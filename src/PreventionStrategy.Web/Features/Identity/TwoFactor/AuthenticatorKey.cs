using QRCoder;

namespace PreventionStrategy.Web.Features.Identity.TwoFactor;

/// <summary>How an authenticator key is shown to a person: grouped for typing, and as the otpauth QR code apps scan.</summary>
public static class AuthenticatorKey
{
    /// <summary>The name the authenticator app lists the entry under.</summary>
    public const string Issuer = "Forebyggende strategi";

    /// <summary>"ABCD EFGH IJKL …": four letters at a time are easier to copy by hand than 32 in a row.</summary>
    public static string Grouped(string key) => string.Join(' ', key.Chunk(4).Select(group => new string(group)));

    public static string OtpAuthUri(string email, string key)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(email)}?secret={key}&issuer={issuer}&digits=6";
    }

    /// <summary>
    /// The QR code as an SVG element to put inline: drawn here, so the page needs neither script nor a
    /// data: image, and carries only fill attributes (the site's CSP allows no style attributes).
    /// </summary>
    public static string QrCodeSvg(string otpAuthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
