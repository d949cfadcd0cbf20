using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Eas.Mail.LocalSlapd;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// A private slapd holding a small GAL for ResolveRecipients tests: people with and without photos and certificates,
/// and five "Dana"s for ambiguity. <see cref="ServerArgs"/> point a server at it (<c>Eas:Gal:Provider=ldap</c>).
/// </summary>
public sealed class GalDirectory : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private GalDirectory(string dataDirectory, SlapdInstance slapd)
    {
        _dataDirectory = dataDirectory;
        Slapd = slapd;
    }

    public SlapdInstance Slapd { get; }

    public string PeopleDn => $"ou=people,{Slapd.Suffix}";

    /// <summary>Alice's photo: 3,000 bytes.</summary>
    public static byte[] AlicePhoto { get; } = Jpeg(3000);

    /// <summary>Alina's photo: 500 bytes.</summary>
    public static byte[] AlinaPhoto { get; } = Jpeg(500);

    public static byte[] AliceCertificate { get; } = SelfSigned("CN=Alice Smith");

    public static byte[][] BobCertificates { get; } = [SelfSigned("CN=Bob Brown, O=Signing"), SelfSigned("CN=Bob Brown, O=Encryption")];

    public string[] ServerArgs(int timeoutSeconds = 5) =>
    [
        "--Eas:Gal:Provider=ldap",
        $"--Eas:Gal:Ldap:Url={Slapd.Url}",
        $"--Eas:Gal:Ldap:BaseDn={PeopleDn}",
        $"--Eas:Gal:Ldap:BindDn={Slapd.RootDn}",
        $"--Eas:Gal:Ldap:BindPassword={Slapd.RootPassword}",
        $"--Eas:Gal:Ldap:TimeoutSeconds={timeoutSeconds}",
    ];

    public static async Task<GalDirectory> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("eas-it-slapd-").FullName;
        var slapd = await SlapdInstance.StartAsync(new SlapdOptions { DataDirectory = data });
        var directory = new GalDirectory(data, slapd);
        await slapd.AddAsync(directory.Ldif());
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        await Slapd.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private string Ldif()
    {
        var ldif = new StringBuilder($"dn: {PeopleDn}\nobjectClass: organizationalUnit\nou: people\n\n");
        Person(ldif, "alice", "Alice Smith", "alice@example.com", AlicePhoto, [AliceCertificate]);
        Person(ldif, "alina", "Alina Smythe", "alina@example.com", AlinaPhoto, []);
        Person(ldif, "alfred", "Alfred Ng", "alfred@example.com", null, []);
        Person(ldif, "bob", "Bob Brown", "bob@example.com", null, BobCertificates);
        Person(ldif, "carol", "Carol White", "carol@example.com", null, []);
        for (var i = 1; i <= 5; i++) Person(ldif, $"dana{i}", $"Dana {i}", $"dana{i}@example.com", Jpeg(100 + i), []);
        return ldif.ToString();
    }

    private void Person(StringBuilder ldif, string uid, string cn, string mail, byte[]? photo, byte[][] certificates)
    {
        var (given, sn) = (cn.Split(' ')[0], cn.Split(' ')[1]);
        ldif.Append($"dn: uid={uid},{PeopleDn}\nobjectClass: inetOrgPerson\ncn: {cn}\ngivenName: {given}\nsn: {sn}\nuid: {uid}\nmail: {mail}\n");
        if (photo is not null) ldif.Append($"jpegPhoto:: {Convert.ToBase64String(photo)}\n");
        foreach (var certificate in certificates) ldif.Append($"userCertificate;binary:: {Convert.ToBase64String(certificate)}\n");
        ldif.Append('\n');
    }

    private static byte[] Jpeg(int length) => [0xFF, 0xD8, .. Enumerable.Range(0, length - 4).Select(i => (byte)(i * 31)), 0xFF, 0xD9];

    private static byte[] SelfSigned(string subject)
    {
        using var key = ECDsa.Create();
        using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.RawData;
    }
}
