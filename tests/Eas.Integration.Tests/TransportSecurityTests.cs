using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

/// <summary>HTTPS towards phones, TLS towards the IMAP server, and what a phone sees when IMAP is down.</summary>
[Collection(DovecotCollection.Name)]
public sealed class TransportSecurityTests(DovecotFixture dovecot)
{
    [Fact]
    public async Task Serves_https_with_a_configured_certificate()
    {
        var directory = Directory.CreateTempSubdirectory("eas-it-tls").FullName;
        var (certificatePath, keyPath, hash) = WriteSelfSignedCertificate(directory);

        await using var server = await ServerInstance.StartAsync(dovecot, null,
            "--urls", "https://127.0.0.1:0",
            $"--Kestrel:Certificates:Default:Path={certificatePath}",
            $"--Kestrel:Certificates:Default:KeyPath={keyPath}");
        var phone = new EasTestClient(server.CreateHttpClient(hash), DovecotFixture.Mike, DovecotFixture.MikePassword, "Tls1", "16.1");

        server.Address.Scheme.ShouldBe("https");
        using var response = await phone.OptionsAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Tls")]
    [InlineData("StartTls")]
    public async Task Signs_in_against_imap_over_tls(string security)
    {
        var port = security == "Tls" ? dovecot.Dovecot.ImapsPort : dovecot.Dovecot.ImapPort;
        await using var server = await ServerInstance.StartAsync(dovecot, null,
            $"--Eas:Imap:Port={port}", $"--Eas:Imap:Security={security}", "--Eas:Imap:AcceptAnyCertificate=true");

        using var good = await server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "ImapTls1", "14.1").OptionsAsync();
        using var bad = await server.Phone(DovecotFixture.Mike, "nope", "ImapTls1", "14.1").OptionsAsync();

        good.StatusCode.ShouldBe(HttpStatusCode.OK);
        bad.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unreachable_imap_server_is_a_retriable_503_not_a_401()
    {
        await using var server = await ServerInstance.StartAsync(dovecot, null, $"--Eas:Imap:Port={ClosedPort()}", "--Eas:Imap:TimeoutSeconds=3");

        var response = await server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Down1", "14.1")
            .PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType, withDeviceInformation: true));

        response.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (string Certificate, string Key, string Hash) WriteSelfSignedCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(directory, "tls.crt");
        var keyPath = Path.Combine(directory, "tls.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, certificate.GetCertHashString());
    }
}
