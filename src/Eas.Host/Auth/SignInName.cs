namespace Eas.Host.Auth;

/// <summary>
/// A phone's sign-in name mapped to a mailbox account. Phones send <c>mike@ox.io</c>, <c>ox.io\mike</c> or a
/// bare <c>mike</c>, and some send a domain that means "none": empty (<c>\mike</c>), blank (Nokia Mail for
/// Exchange sends a space) or <c>defaultcontext</c>. All of those take the configured default domain, and a
/// NetBIOS-style domain is mapped through the configured aliases. The local part and domain keep the case
/// the phone sent for the IMAP login; <see cref="AccountId"/> is the lower-cased key for state and licensing.
/// </summary>
public sealed record SignInName(string LocalPart, string? Domain)
{
    /// <summary>The name the IMAP server is asked to authenticate.</summary>
    public string ImapLogin => Domain is null ? LocalPart : $"{LocalPart}@{Domain}";

    /// <summary>The account's stable, case-insensitive identity.</summary>
    public string AccountId => ImapLogin.ToLowerInvariant();

    /// <summary>Maps a raw name; returns null when it names nobody (empty local part, control characters).</summary>
    public static SignInName? Parse(string raw, string defaultDomain, IReadOnlyDictionary<string, string> domainAliases)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var name = raw.Trim();
        string? domain = null;
        var backslash = name.IndexOf('\\', StringComparison.Ordinal);
        if (backslash >= 0)
        {
            domain = name[..backslash].Trim();
            name = name[(backslash + 1)..].Trim();
        }

        var at = name.LastIndexOf('@');
        if (at >= 0)
        {
            domain = name[(at + 1)..].Trim();
            name = name[..at].Trim();
        }

        if (name.Length == 0 || name.Any(char.IsControl) || name.Any(char.IsWhiteSpace) || name.Contains('\\', StringComparison.Ordinal))
            return null;
        if (domain is not null && (domain.Any(char.IsControl) || domain.Any(char.IsWhiteSpace) || domain.Contains('@', StringComparison.Ordinal)))
            return null;

        if (string.IsNullOrEmpty(domain) || domain.Equals("defaultcontext", StringComparison.OrdinalIgnoreCase))
            domain = defaultDomain.Length == 0 ? null : defaultDomain;
        else if (domainAliases.TryGetValue(domain, out var mapped))
            domain = mapped;

        return new SignInName(name, domain);
    }
}
