namespace Eas.Mail.Gal.Ldap;

/// <summary>
/// Which LDAP attribute holds each field of a <see cref="GalEntry"/> (the GAL fields of MS-ASCMD 2.2.3.78). The
/// defaults are the inetOrgPerson schema's (RFC 2798, with the person and organizationalPerson attributes of RFC
/// 4519): a directory with other names (Active Directory's <c>displayName</c>, <c>thumbnailPhoto</c>) changes only
/// the names here. An empty name leaves the field out. Attribute names are matched case-insensitively, as LDAP does.
/// </summary>
public sealed record LdapAttributeMap
{
    public string DisplayName { get; init; } = "cn";

    public string EmailAddress { get; init; } = "mail";

    public string FirstName { get; init; } = "givenName";

    public string LastName { get; init; } = "sn";

    public string Company { get; init; } = "o";

    public string Title { get; init; } = "title";

    public string Office { get; init; } = "physicalDeliveryOfficeName";

    public string Phone { get; init; } = "telephoneNumber";

    public string MobilePhone { get; init; } = "mobile";

    public string HomePhone { get; init; } = "homePhone";

    /// <summary>The entry's alias (GAL:Alias), a short name a phone may type instead of the address.</summary>
    public string Alias { get; init; } = "uid";

    /// <summary>A JPEG photo (RFC 2798 <c>jpegPhoto</c>); read only when a phone asked for pictures.</summary>
    public string Picture { get; init; } = "jpegPhoto";

    /// <summary>DER X.509 certificates (RFC 4523 <c>userCertificate;binary</c>); read only when certificates were asked for.</summary>
    public string Certificates { get; init; } = "userCertificate;binary";

    /// <summary>The attributes a query's prefix is matched against: display name, first and last name, alias and address.</summary>
    public IEnumerable<string> Searchable => NonEmpty(DisplayName, FirstName, LastName, Alias, EmailAddress);

    /// <summary>The attributes to request: the text fields always, the picture and certificates only when asked.</summary>
    public string[] Requested(GalSearchOptions options) =>
    [
        .. NonEmpty(DisplayName, EmailAddress, FirstName, LastName, Company, Title, Office, Phone, MobilePhone, HomePhone, Alias),
        .. options.WithPictures ? NonEmpty(Picture) : [],
        .. options.WithCertificates ? NonEmpty(Certificates) : [],
    ];

    /// <summary>
    /// The entry an LDAP entry's attributes make, or null when it has no address (a GAL entry is someone mail can be
    /// sent to). A display name that is missing falls back to the address. Multi-valued text attributes give their
    /// first value; every certificate value is kept.
    /// </summary>
    /// <param name="text">The first text value of an attribute, or null.</param>
    /// <param name="binary">The binary values of an attribute (none when absent).</param>
    /// <param name="options">Whether the picture and certificates are read.</param>
    public GalEntry? ToEntry(Func<string, string?> text, Func<string, IReadOnlyList<byte[]>> binary, GalSearchOptions options)
    {
        var address = Read(text, EmailAddress);
        if (string.IsNullOrWhiteSpace(address)) return null;
        var pictures = options.WithPictures && Picture.Length > 0 ? binary(Picture) : [];
        return new GalEntry(Read(text, DisplayName) ?? address, address)
        {
            FirstName = Read(text, FirstName),
            LastName = Read(text, LastName),
            Company = Read(text, Company),
            Title = Read(text, Title),
            Office = Read(text, Office),
            Phone = Read(text, Phone),
            MobilePhone = Read(text, MobilePhone),
            HomePhone = Read(text, HomePhone),
            Alias = Read(text, Alias),
            Picture = pictures.Count > 0 ? pictures[0] : null,
            Certificates = options.WithCertificates && Certificates.Length > 0 ? binary(Certificates) : [],
        };
    }

    private static string? Read(Func<string, string?> text, string attribute) =>
        attribute.Length == 0 ? null : text(attribute) is { Length: > 0 } value ? value : null;

    private static IEnumerable<string> NonEmpty(params string[] attributes) => attributes.Where(a => a.Length > 0);
}
