using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace PreventionStrategy.Web.Features.Security;

/// <summary>
/// The Data Protection keys (which sign cookies, antiforgery tokens and links in emails) are
/// stored in the site's database. With a certificate configured they are stored encrypted with it,
/// so a copy of the database or a backup alone cannot forge anything for the live site: the
/// certificate's private key lives outside the database (a file or secret mount). Rotation: put the
/// new certificate in <see cref="CertificatePath"/> and the old one in
/// <see cref="PreviousCertificatePath"/>; new keys are encrypted with the new one, and keys still
/// encrypted with the old one stay readable until they expire (90 days), then the old can go.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key; empty: keys are stored unencrypted.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password (a secret: environment or secret store).</summary>
    public string? CertificatePassword { get; set; }

    public string? PreviousCertificatePath { get; set; }

    public string? PreviousCertificatePassword { get; set; }

    public static void Apply(IDataProtectionBuilder keys, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (string.IsNullOrEmpty(options.CertificatePath))
        {
            return;
        }

        var current = Load(options.CertificatePath, options.CertificatePassword, contentRoot, "DataProtection:CertificatePath");
        X509Certificate2[] readable = string.IsNullOrEmpty(options.PreviousCertificatePath)
            ? [current]
            : [current, Load(options.PreviousCertificatePath, options.PreviousCertificatePassword, contentRoot, "DataProtection:PreviousCertificatePath")];
        keys.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate(readable);
    }

    private static X509Certificate2 Load(string path, string? password, string contentRoot, string key)
    {
        var full = Path.Combine(contentRoot, path);
        if (!File.Exists(full))
        {
            throw new InvalidOperationException($"{key}: the certificate file {full} does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{key}: {full} holds no private key; the keys could not be read back.");
        }

        return certificate;
    }
}
