namespace Eas.Host.Options;

/// <summary>The global address list Search (and ResolveRecipients) look in (<c>Eas:Gal</c>).</summary>
public sealed class GalOptions
{
    /// <summary><c>accounts</c> (the default): the accounts the server knows plus <see cref="EntriesFile"/>; <c>ldap</c>: an LDAP directory.</summary>
    public string Provider { get; set; } = "accounts";

    /// <summary>
    /// An optional JSON file of extra entries for the <c>accounts</c> provider (an array of objects with displayName,
    /// emailAddress, alias, firstName, lastName, company, title, office, phone, mobilePhone, homePhone, picture as a
    /// file path or base64, certificates in base64); read again when it changes. Relative to the working directory.
    /// </summary>
    public string? EntriesFile { get; set; }

    /// <summary>The most matches one search counts and returns (Search never returns more than 100 rows, MS-ASCMD 2.2.3.143.3).</summary>
    public int MaxResults { get; set; } = 100;

    /// <summary>How long the <c>accounts</c> provider reuses its listing of the accounts, in seconds.</summary>
    public int AccountsRefreshSeconds { get; set; } = 60;
}
