using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eas.Host.Cli;

namespace Eas.Host.Tests.Cli;

/// <summary>
/// <c>demo</c> and <c>demo --public</c>: what they bind and the certificate they serve, checked from the options they
/// produce; nothing here listens beyond loopback.
/// </summary>
public sealed class DemoListenTests
{
    private static readonly IPAddress[] LanAddresses = [IPAddress.Parse("192.0.2.10"), IPAddress.Parse("2001:db8::10")];

    [Fact]
    public void Demo_without_public_listens_on_loopback_over_plain_http()
    {
        var listen = DemoListen.Loopback(DemoListen.LoopbackUrls);

        listen.ServerArgs.ShouldBe(["--urls", "http://127.0.0.1:8080"]);
        listen.PrintedUrls.ShouldBe(["http://127.0.0.1:8080"]);
        listen.Certificate.ShouldBeNull();
        IPAddress.IsLoopback(ListenCheck.EndPointOf(listen.Urls)!.Address).ShouldBeTrue();
    }

    [Fact]
    public void Demo_public_binds_every_interface_over_https_with_the_generated_certificate()
    {
        var dataDir = Directory.CreateTempSubdirectory("eas-demo-public").FullName;

        var listen = DemoListen.Public(null, dataDir, LanAddresses);

        listen.Urls.ShouldBe("https://*:443;http://127.0.0.1:8080", "plain HTTP stays on loopback, for eas-server admin and top");
        var endPoint = ListenCheck.EndPointOf(listen.Urls)!;
        (endPoint.Address.Equals(IPAddress.IPv6Any) || endPoint.Address.Equals(IPAddress.Any)).ShouldBeTrue("every interface, not loopback");
        listen.ServerArgs.ShouldContain($"--Kestrel:Certificates:Default:Path={listen.Certificate!.CertificatePath}");
        listen.ServerArgs.ShouldContain($"--Kestrel:Certificates:Default:KeyPath={listen.Certificate.KeyPath}");
        listen.PrintedUrls.ShouldBe(["https://192.0.2.10", "https://[2001:db8::10]"], "the URLs a phone can reach, not the wildcard");
    }

    [Fact]
    public void Demo_public_with_urls_keeps_the_port_given()
    {
        var dataDir = Directory.CreateTempSubdirectory("eas-demo-public").FullName;

        var listen = DemoListen.Public("https://*:8443", dataDir, LanAddresses[..1]);

        listen.ServerArgs.ShouldContain("https://*:8443");
        listen.PrintedUrls.ShouldBe(["https://192.0.2.10:8443"]);
    }

    [Fact]
    public void Demo_public_on_one_address_prints_that_address_only()
    {
        var dataDir = Directory.CreateTempSubdirectory("eas-demo-public").FullName;

        var listen = DemoListen.Public("https://127.0.0.1:18443", dataDir, LanAddresses);

        listen.PrintedUrls.ShouldBe(["https://127.0.0.1:18443"]);
        listen.Certificate.ShouldNotBeNull();
    }

    [Fact]
    public void The_generated_certificate_is_a_tls_server_certificate_for_the_machine_and_its_printed_fingerprint_is_its_sha256()
    {
        var directory = Directory.CreateTempSubdirectory("eas-demo-tls").FullName;

        var made = DemoCertificate.LoadOrCreate(directory, LanAddresses);

        using var certificate = X509Certificate2.CreateFromPemFile(made.CertificatePath, made.KeyPath);
        certificate.HasPrivateKey.ShouldBeTrue();
        certificate.Subject.ShouldBe($"CN={Dns.GetHostName()}");
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        names.EnumerateIPAddresses().ShouldBe(LanAddresses);
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages[0].Value.ShouldBe("1.3.6.1.5.5.7.3.1");
        made.Sha256Fingerprint.ShouldBe(BitConverter.ToString(SHA256.HashData(certificate.RawData)).Replace('-', ':'));
        made.Sha256Fingerprint.Length.ShouldBe((32 * 3) - 1);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(made.KeyPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the private key is readable by its owner only");
    }

    [Fact]
    public void The_certificate_is_kept_across_runs_so_a_phone_that_accepted_it_keeps_trusting_it()
    {
        var directory = Directory.CreateTempSubdirectory("eas-demo-tls").FullName;

        var first = DemoCertificate.LoadOrCreate(directory, LanAddresses);
        var second = DemoCertificate.LoadOrCreate(directory, [IPAddress.Parse("198.51.100.7")]);

        second.Sha256Fingerprint.ShouldBe(first.Sha256Fingerprint);
    }

    [Fact]
    public void Reachable_addresses_leave_out_loopback_and_link_local()
    {
        DemoCertificate.ReachableAddresses().ShouldAllBe(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal);
    }
}
