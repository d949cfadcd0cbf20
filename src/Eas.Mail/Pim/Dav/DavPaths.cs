namespace Eas.Mail.Pim.Dav;

/// <summary>
/// The account's URL space: its home (an address-book home, RFC 6352 7.1.1, or a calendar home, RFC 4791 6.2.1), the
/// collections in it and their members. Every href a server
/// sends is resolved against the request's URL (RFC 4918 8.3) and accepted only when it stays under the home —
/// same scheme, host and port, and a path below the home's once dot-segments are removed — so a hostile or
/// broken server cannot steer the adapter to another account's or another host's resources.
/// </summary>
/// <remarks>
/// Ids. A collection's id is its path segment under the home, unescaped (<c>contacts</c>). An item's id is its
/// resource name, unescaped, without the suffix the adapter gives every resource it creates (<c>&lt;id&gt;.vcf</c>,
/// <c>&lt;id&gt;.ics</c>), so the caller's id is the id listed later. A resource another client named without that
/// suffix (<c>abc</c>) gets the id <c>abc/</c>: a slash cannot occur in a resource name, so the mapping between
/// ids and resource names stays one to one in both directions.
/// </remarks>
internal sealed class DavPaths
{
    private const char ForeignNameMark = '/';

    private readonly string _suffix;

    /// <param name="home">The account's home.</param>
    /// <param name="suffix">The suffix of the resources the adapter creates (<c>.vcf</c>, <c>.ics</c>).</param>
    public DavPaths(Uri home, string suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(suffix);
        _suffix = suffix;
        if (!home.IsAbsoluteUri || home.Scheme is not ("http" or "https"))
            throw new ArgumentException("The DAV home must be an absolute http or https URL.", nameof(home));
        Home = home.AbsolutePath.EndsWith('/') ? home : new Uri(home.AbsoluteUri + "/");
        HomeSegments = Segments(Home);
    }

    public Uri Home { get; }

    private IReadOnlyList<string> HomeSegments { get; }

    /// <summary>Expands a home URL template: <c>{user}</c> becomes the URL-escaped user name.</summary>
    public static Uri ExpandTemplate(string template, string user) =>
        new(template.Replace("{user}", Uri.EscapeDataString(user), StringComparison.Ordinal));

    public Uri Collection(string collectionId)
    {
        if (string.IsNullOrEmpty(collectionId) || collectionId.Contains('/', StringComparison.Ordinal) || collectionId is "." or "..")
            throw new ArgumentException($"'{collectionId}' is not a collection id of this store.", nameof(collectionId));
        return new Uri(Home, Uri.EscapeDataString(collectionId) + "/");
    }

    public Uri Item(string collectionId, string itemId) => new(Collection(collectionId), Uri.EscapeDataString(ResourceName(itemId)));

    /// <summary>The resource name of an item id (see the remarks).</summary>
    public string ResourceName(string itemId)
    {
        if (string.IsNullOrEmpty(itemId) || itemId == "/")
            throw new ArgumentException("An item id may not be empty.", nameof(itemId));
        var name = itemId.EndsWith(ForeignNameMark) ? itemId[..^1] : itemId + _suffix;
        if (name.Contains(ForeignNameMark, StringComparison.Ordinal) || name is "." or "..")
            throw new ArgumentException($"'{itemId}' is not an item id of this store.", nameof(itemId));
        return name;
    }

    /// <summary>The item id of a resource name (see the remarks).</summary>
    public string ItemId(string resourceName) =>
        resourceName.EndsWith(_suffix, StringComparison.Ordinal) && resourceName.Length > _suffix.Length
            ? resourceName[..^_suffix.Length]
            : resourceName + ForeignNameMark;

    /// <summary>
    /// The id of the collection an href names, when it names a direct child collection of the home; null for the
    /// home itself; throws <see cref="DavHrefRefusedException"/> for anything outside the home or deeper.
    /// </summary>
    public string? CollectionIdOf(string href, Uri requestUri)
    {
        var below = Below(href, requestUri, HomeSegments);
        return below.Count switch
        {
            0 => null,
            1 => below[0],
            _ => throw new DavHrefRefusedException(href),
        };
    }

    /// <summary>
    /// The item id of an href that names a direct member of <paramref name="collectionId"/>; null for the collection
    /// itself; throws <see cref="DavHrefRefusedException"/> for anything else.
    /// </summary>
    public string? ItemIdOf(string href, string collectionId, Uri requestUri)
    {
        var below = Below(href, requestUri, [.. HomeSegments, collectionId]);
        return below.Count switch
        {
            0 => null,
            1 => ItemId(below[0]),
            _ => throw new DavHrefRefusedException(href),
        };
    }

    /// <summary>The unescaped path segments of <paramref name="href"/> below <paramref name="prefix"/>, or a refusal.</summary>
    private List<string> Below(string href, Uri requestUri, IReadOnlyList<string> prefix)
    {
        if (!Uri.TryCreate(requestUri, href, out var resolved)
            || !string.Equals(resolved.Scheme, Home.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(resolved.IdnHost, Home.IdnHost, StringComparison.OrdinalIgnoreCase)
            || resolved.Port != Home.Port)
            throw new DavHrefRefusedException(href);

        var segments = Segments(resolved);
        if (segments.Count < prefix.Count || !segments.Take(prefix.Count).SequenceEqual(prefix, StringComparer.Ordinal))
            throw new DavHrefRefusedException(href);
        var below = segments.Skip(prefix.Count).ToList();
        if (below.Any(s => s.Length == 0 || s is "." or ".." || s.Contains('/', StringComparison.Ordinal)))
            throw new DavHrefRefusedException(href);
        return below;
    }

    private static List<string> Segments(Uri uri) =>
        [.. uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];
}

/// <summary>The server named a resource outside the account's home (or deeper than expected): it is not used.</summary>
internal sealed class DavHrefRefusedException(string href) : Exception($"The DAV server named '{href}', which is outside the account's home.");
