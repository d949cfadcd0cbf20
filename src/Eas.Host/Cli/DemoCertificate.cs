using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Eas.Host.Cli;

/// <summary>
/// The self-signed certificate of <c>demo --public</c>: made once (ECDSA P-256, ten years, server authentication, the
/// machine's name and addresses as subject alternative names) and kept as PEM in the demo's data directory, so a
/// phone that accepted it once keeps trusting it across runs. Phones that show a certificate's fingerprint let the
/// user compare it with the SHA-256 printed by the demo.
/// </summary>
internal sealed record DemoCertificate(string CertificatePath, string KeyPath, string Sha256Fingerprint)
{
    /// <summary>Loads the certificate under <paramref name="directory"/>, or makes it when there is none.</summary>
    public static DemoCertificate LoadOrCreate(string directory, IReadOnlyList<IPAddress> addresses)
    {
        Directory.CreateDirectory(directory);
        var certificatePath = Path.Combine(directory, "demo-tls.crt");
        var keyPath = Path.Combine(directory, "demo-tls.key");
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN={Dns.GetHostName()}", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(Dns.GetHostName());
            foreach (var address in addresses) names.AddIpAddress(address);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        }

        using var loaded = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return new DemoCertificate(certificatePath, keyPath, Fingerprint(loaded));
    }

    /// <summary>SHA-256 of the DER certificate as colon-separated upper-case hex, the form phones and browsers show.</summary>
    public static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', SHA256.HashData(certificate.RawData).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The machine's unicast addresses a phone could reach (up interfaces, loopback and link-local left out).</summary>
    public static IReadOnlyList<IPAddress> ReachableAddresses() =>
        [.. NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal && (a.AddressFamily == AddressFamily.InterNetwork || a.AddressFamily == AddressFamily.InterNetworkV6))
            .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)];
}
