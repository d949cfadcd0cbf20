namespace Eas.Mail.LocalSlapd;

/// <summary>How to run a private <see cref="SlapdInstance"/>.</summary>
public sealed record SlapdOptions
{
    /// <summary>Directory for all of the instance's files (slapd.conf, the mdb database, pid and args files); created if missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The port on 127.0.0.1; a free one is picked when null.</summary>
    public int? Port { get; init; }

    /// <summary>The database's suffix; its top entry is created at the first start (<c>dc=</c> or <c>o=</c> first).</summary>
    public string Suffix { get; init; } = "dc=example,dc=com";

    /// <summary>The root DN's relative name under <see cref="Suffix"/>; the root DN bypasses access control and limits.</summary>
    public string RootName { get; init; } = "cn=admin";

    /// <summary>The root DN's password, stored in clear in slapd.conf (acceptable for this throw-away instance only).</summary>
    public string RootPassword { get; init; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    public string ExecutablePath { get; init; } = "/usr/sbin/slapd";

    /// <summary>Where <c>slapadd</c>, <c>slaptest</c> (links to slapd) and <c>ldapadd</c> (ldap-utils) are.</summary>
    public string ToolsDirectory { get; init; } = "/usr/sbin";

    public string LdapAddPath { get; init; } = "/usr/bin/ldapadd";

    /// <summary>Where core, cosine and inetorgperson schemas are read from.</summary>
    public string SchemaDirectory { get; init; } = "/etc/ldap/schema";

    /// <summary>Where the mdb backend module is (Debian builds it as a module).</summary>
    public string ModuleDirectory { get; init; } = "/usr/lib/ldap";

    /// <summary>How long to wait for slapd to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long slapd may take to stop after SIGTERM before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
