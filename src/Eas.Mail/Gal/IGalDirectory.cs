namespace Eas.Mail.Gal;

/// <summary>
/// The global address list (GAL) as Search, ResolveRecipients and Find need it: the server's own account directory
/// by default, or an LDAP server. Implementations are safe to share between requests. A directory that cannot be
/// reached throws <see cref="DirectoryUnavailableException"/>.
/// </summary>
public interface IGalDirectory
{
    /// <summary>
    /// Entries whose display name, first or last name, alias or an e-mail address starts with <paramref name="query"/>
    /// (case-insensitive), sorted by display name, at most <paramref name="limit"/>; <see cref="GalSearchResult.Total"/>
    /// counts every match up to the directory's own cap.
    /// </summary>
    Task<GalSearchResult> SearchAsync(string query, int limit, GalSearchOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Entries that a recipient as typed (an address, a display name, an alias) names: exact address matches first,
    /// then entries whose names start with it; at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<GalEntry>> ResolveAsync(string recipient, int limit, GalSearchOptions options, CancellationToken cancellationToken);
}

/// <param name="WithPictures">Read the entries' pictures (a phone asked for them).</param>
/// <param name="WithCertificates">Read the entries' X.509 certificates (ResolveRecipients asked).</param>
public sealed record GalSearchOptions(bool WithPictures = false, bool WithCertificates = false);

/// <param name="Entries">The entries, sorted by display name.</param>
/// <param name="Total">How many entries matched (the directory may stop counting at its cap).</param>
public sealed record GalSearchResult(IReadOnlyList<GalEntry> Entries, int Total);

/// <summary>One person or resource in the GAL (the fields of MS-ASCMD 2.2.3.78 GAL:*).</summary>
public sealed record GalEntry(string DisplayName, string EmailAddress)
{
    public string? Alias { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? Title { get; init; }
    public string? Office { get; init; }
    public string? Phone { get; init; }
    public string? MobilePhone { get; init; }
    public string? HomePhone { get; init; }

    /// <summary>The entry's picture (JPEG) where the directory has one.</summary>
    public byte[]? Picture { get; init; }

    /// <summary>The entry's X.509 certificates (DER) where the directory has them.</summary>
    public IReadOnlyList<byte[]> Certificates { get; init; } = [];
}

/// <summary>The directory cannot be reached: a retriable status, never an empty answer that looks like "nobody".</summary>
public sealed class DirectoryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
