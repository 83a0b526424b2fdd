using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using PreventionStrategy.Web.Tests.Infrastructure;

namespace PreventionStrategy.Web.Tests.Security;

/// <summary>With a certificate configured, the Data Protection keys in the database are encrypted: a copy of the database alone holds no usable key.</summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string Password = "certifikatets kodeord";

    private readonly string certificateFolder = Directory.CreateTempSubdirectory("preventionstrategy-cert-").FullName;

    public void Dispose() => Directory.Delete(certificateFolder, recursive: true);

    [Fact]
    public async Task Keys_are_stored_encrypted_with_the_configured_certificate_and_read_back_after_a_restart()
    {
        var certificate = Path.Combine(certificateFolder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=PreventionStrategy keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, self.Export(X509ContentType.Pfx, Password));
        }

        using var first = WithCertificate(new SiteFactory(), certificate);
        var client = await first.SignedInClientAsync(DemoUsers.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using (var db = first.CreateDbContext())
        {
            var stored = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }

        // The same database after a restart: the encrypted key is read back with the certificate.
        using var second = WithCertificate(new SiteFactory(first.Folder), certificate);
        Assert.Equal(HttpStatusCode.OK, (await (await second.SignedInClientAsync(DemoUsers.Staff)).GetAsync("/")).StatusCode);
    }

    private static SiteFactory WithCertificate(SiteFactory site, string certificate)
    {
        site.Settings["DataProtection:CertificatePath"] = certificate;
        site.Settings["DataProtection:CertificatePassword"] = Password;
        return site;
    }
}
