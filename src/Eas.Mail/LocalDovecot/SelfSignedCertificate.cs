using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// A throw-away server certificate for the loopback Dovecot: ECDSA P-256, valid for <c>localhost</c> and
/// <c>127.0.0.1</c> for ten years, written as PEM the way Dovecot's <c>ssl_cert</c>/<c>ssl_key</c> read it.
/// </summary>
internal static class SelfSignedCertificate
{
    /// <summary>Creates the two files unless both exist already (a reused data directory keeps its certificate).</summary>
    public static X509Certificate2 Ensure(string certificatePath, string keyPath)
    {
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                [new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
            var now = DateTimeOffset.UtcNow;
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

            UnixFiles.WritePrivate(keyPath, key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        }

        return X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
    }
}
