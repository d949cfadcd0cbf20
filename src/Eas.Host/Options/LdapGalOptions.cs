using Eas.Mail.Gal.Ldap;

namespace Eas.Host.Options;

/// <summary>
/// The LDAP directory behind the global address list (<c>Eas:Gal:Ldap</c>), used when <c>Eas:Gal:Provider</c> is
/// <c>ldap</c>. The bind password is best kept out of appsettings.json: in the unit's secrets.env as
/// <c>Eas__Gal__Ldap__BindPassword=…</c>, or in a file of its own named by <see cref="BindPasswordFile"/> (a
/// systemd credential, a container secret).
/// </summary>
public sealed class LdapGalOptions
{
    /// <summary><c>ldap://host:389</c> or <c>ldaps://host:636</c> (implicit TLS against the system's trusted roots).</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The DN to bind as; empty binds anonymously.</summary>
    public string BindDn { get; set; } = string.Empty;

    public string BindPassword { get; set; } = string.Empty;

    /// <summary>A file whose content (trailing line break removed) is the bind password; wins over <see cref="BindPassword"/>.</summary>
    public string? BindPasswordFile { get; set; }

    /// <summary>The subtree the GAL is read from (<c>ou=people,dc=example,dc=com</c>).</summary>
    public string BaseDn { get; set; } = string.Empty;

    /// <summary>Which entries are in the GAL (RFC 4515); every query is ANDed with it.</summary>
    public string Filter { get; set; } = "(&(objectClass=inetOrgPerson)(mail=*))";

    /// <summary>The attribute of each GAL field (<c>Eas:Gal:Ldap:Attributes:DisplayName=displayName</c>); inetOrgPerson's by default.</summary>
    public LdapAttributeMap Attributes { get; set; } = new();

    /// <summary>Entries per page of RFC 2696 paged results.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>The most entries one query reads.</summary>
    public int SizeLimit { get; set; } = 2000;

    /// <summary>Seconds a query may take, connect and bind included, before the GAL counts as unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The adapter's settings; fails at start with the setting at fault.</summary>
    public LdapGalSettings ToSettings()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url))
            throw new InvalidOperationException($"Eas:Gal:Ldap:Url must be ldap://host:port or ldaps://host:port, not '{Url}'.");
        var password = BindPasswordFile is { Length: > 0 } file ? File.ReadAllText(file).TrimEnd('\r', '\n') : BindPassword;
        try
        {
            return new LdapGalSettings(url, BaseDn)
            {
                BindDn = BindDn,
                BindPassword = password,
                Filter = Filter,
                Attributes = Attributes,
                PageSize = PageSize,
                SizeLimit = SizeLimit,
                Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            }.Validated();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Eas:Gal:Ldap: {e.Message}", e);
        }
    }
}
