using System.Text;
using Eas.Mail.Gal.Ldap;
using Eas.Mail.LocalSlapd;

namespace Eas.Mail.Tests.Fixtures;

/// <summary>
/// One private slapd for a test class, on a free loopback port, holding <see cref="PeopleCount"/> people under
/// <c>ou=people</c> (<c>Person 0000</c> … with a small JPEG each) and a few named ones. Without slapd the fixture
/// fails (it does not skip): test.sh installs it.
/// </summary>
public sealed class SlapdFixture : IAsyncLifetime
{
    public const int PeopleCount = 1000;

    private string? _dataDirectory;

    public SlapdInstance Slapd { get; private set; } = null!;

    public string PeopleDn => $"ou=people,{Slapd.Suffix}";

    /// <summary>The bytes stored as every numbered person's jpegPhoto.</summary>
    public static byte[] Photo { get; } = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 2000).Select(i => (byte)i), 0xFF, 0xD9];

    /// <summary>A self-signed X.509 certificate (DER) stored as Alice's userCertificate;binary (slapd checks its syntax).</summary>
    public static byte[] Certificate { get; } = SelfSigned("CN=Alice Smith, E=alice@example.com");

    private static byte[] SelfSigned(string subject)
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(subject, key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.RawData;
    }

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("eas-slapd-").FullName;
        Slapd = await SlapdInstance.StartAsync(new SlapdOptions { DataDirectory = _dataDirectory });
        await Slapd.AddAsync(Ldif());
    }

    public LdapGalSettings Settings(int pageSize = 100) => new(Slapd.Url, PeopleDn)
    {
        BindDn = Slapd.RootDn,
        BindPassword = Slapd.RootPassword,
        PageSize = pageSize,
        Timeout = TimeSpan.FromSeconds(5),
    };

    public async Task DisposeAsync()
    {
        if (Slapd is not null) await Slapd.DisposeAsync();
        if (_dataDirectory is not null) Directory.Delete(_dataDirectory, recursive: true);
    }

    private string Ldif()
    {
        var ldif = new StringBuilder();
        ldif.Append($"dn: {PeopleDn}\nobjectClass: organizationalUnit\nou: people\n\n");
        var photo = Convert.ToBase64String(Photo);
        for (var i = 0; i < PeopleCount; i++)
        {
            ldif.Append($"dn: uid=p{i:0000},{PeopleDn}\nobjectClass: inetOrgPerson\ncn: Person {i:0000}\nsn: {i:0000}\ngivenName: Person\n");
            ldif.Append($"uid: p{i:0000}\nmail: person{i:0000}@example.com\njpegPhoto:: {photo}\n\n");
        }

        Person(ldif, "alice", "Alice Smith", "Alice", "Smith", "alice@example.com", "title: Engineer\no: Example Corp\ntelephoneNumber: +1 555 0100\nmobile: +1 555 0101\n"
            + $"userCertificate;binary:: {Convert.ToBase64String(Certificate)}\n");
        Person(ldif, "alina", "Alina Smythe", "Alina", "Smythe", "alina@example.com", "");
        Person(ldif, "star", "Star*(Paren) Person", "Star*(Paren)", "Asterisk", "star@example.com", "");
        Person(ldif, "starry", "Starry Night", "Starry", "Night", "starry@example.com", "");
        Person(ldif, "nomail", "No Mail", "No", "Mail", null, "");
        return ldif.ToString();
    }

    private void Person(StringBuilder ldif, string uid, string cn, string given, string sn, string? mail, string extra)
    {
        ldif.Append($"dn: uid={uid},{PeopleDn}\nobjectClass: inetOrgPerson\ncn: {cn}\ngivenName: {given}\nsn: {sn}\nuid: {uid}\n");
        if (mail is not null) ldif.Append($"mail: {mail}\n");
        ldif.Append(extra).Append('\n');
    }
}
