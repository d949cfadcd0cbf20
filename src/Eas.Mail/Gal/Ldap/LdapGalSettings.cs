namespace Eas.Mail.Gal.Ldap;

/// <summary>Where and how <see cref="LdapGalDirectory"/> reads the global address list.</summary>
/// <param name="Url"><c>ldap://host:port</c> or <c>ldaps://host:port</c> (implicit TLS, checked against the system's trusted roots).</param>
/// <param name="BaseDn">The subtree searched (<c>ou=people,dc=example,dc=com</c>).</param>
public sealed record LdapGalSettings(Uri Url, string BaseDn)
{
    /// <summary>The DN to bind as (simple bind); empty binds anonymously.</summary>
    public string BindDn { get; init; } = "";

    public string BindPassword { get; init; } = "";

    /// <summary>Which entries are in the GAL; every query is ANDed with it.</summary>
    public string Filter { get; init; } = "(&(objectClass=inetOrgPerson)(mail=*))";

    public LdapAttributeMap Attributes { get; init; } = new();

    /// <summary>Entries per page of the simple paged results control (RFC 2696).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>The most entries one query reads; a query matching more counts this many.</summary>
    public int SizeLimit { get; init; } = 2000;

    /// <summary>How long a query may take, connect and bind included, before the directory counts as unavailable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether the URL asks for implicit TLS.</summary>
    public bool UsesTls => Url.Scheme.Equals("ldaps", StringComparison.OrdinalIgnoreCase);

    /// <summary>The URL's port, or the scheme's default (389, 636).</summary>
    public int Port => Url.IsDefaultPort || Url.Port <= 0 ? (UsesTls ? 636 : 389) : Url.Port;

    /// <summary>Fails with the setting at fault when the settings cannot work.</summary>
    public LdapGalSettings Validated()
    {
        if (!Url.IsAbsoluteUri || Url.Scheme is not ("ldap" or "ldaps"))
            throw new ArgumentException($"The LDAP URL must be ldap://host:port or ldaps://host:port, not '{Url}'.");
        if (string.IsNullOrWhiteSpace(BaseDn)) throw new ArgumentException("The LDAP base DN is empty.");
        if (PageSize is < 1 or > 100_000) throw new ArgumentException($"The LDAP page size must be 1 to 100000, not {PageSize}.");
        if (SizeLimit < 1) throw new ArgumentException($"The LDAP size limit must be at least 1, not {SizeLimit}.");
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException("The LDAP timeout must be positive.");
        if (string.IsNullOrWhiteSpace(Attributes.EmailAddress)) throw new ArgumentException("The LDAP attribute map needs an e-mail address attribute.");
        return this;
    }
}
