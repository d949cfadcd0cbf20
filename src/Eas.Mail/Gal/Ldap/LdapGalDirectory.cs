using System.DirectoryServices.Protocols;
using System.Net;

namespace Eas.Mail.Gal.Ldap;

/// <summary>
/// The global address list read from an LDAP v3 directory (OpenLDAP, 389 DS, Active Directory) with
/// System.DirectoryServices.Protocols: one connection per query, bound, used, closed, so nothing is shared between
/// requests and a directory that restarts costs one failed query at most. A query reads the matching entries' text
/// attributes in pages (RFC 2696 simple paged results) up to <see cref="LdapGalSettings.SizeLimit"/>, sorts them by
/// display name, and only then reads the picture and certificates of the entries it returns, one base-scope read
/// each, so a search of thousands never carries thousands of photos. What a phone typed enters the filter escaped
/// (<see cref="LdapFilter"/>). A directory that cannot be reached, refuses the bind, or does not answer within
/// <see cref="LdapGalSettings.Timeout"/> is a <see cref="DirectoryUnavailableException"/>, never an empty result.
/// </summary>
public sealed class LdapGalDirectory(LdapGalSettings settings) : IGalDirectory
{
    private readonly LdapGalSettings _settings = settings.Validated();

    public Task<GalSearchResult> SearchAsync(string query, int limit, GalSearchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = LdapFilter.Both(_settings.Filter, LdapFilter.Any(_settings.Attributes.Searchable.Select(a => LdapFilter.Prefix(a, query))));
        return RunAsync(connection =>
        {
            var found = ReadText(connection, filter);
            var chosen = found.OrderBy(f => f.Entry.DisplayName, StringComparer.InvariantCultureIgnoreCase).Take(Math.Max(0, limit)).ToList();
            return new GalSearchResult(WithBinaries(connection, chosen, options), found.Count);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<GalEntry>> ResolveAsync(string recipient, int limit, GalSearchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var attributes = _settings.Attributes;
        var filter = LdapFilter.Both(_settings.Filter, LdapFilter.Any(
            [LdapFilter.Equal(attributes.EmailAddress, recipient), .. attributes.Searchable.Select(a => LdapFilter.Prefix(a, recipient))]));
        return RunAsync(connection =>
        {
            var chosen = ReadText(connection, filter)
                .OrderBy(f => string.Equals(f.Entry.EmailAddress, recipient, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(f => f.Entry.DisplayName, StringComparer.InvariantCultureIgnoreCase)
                .Take(Math.Max(0, limit))
                .ToList();
            return (IReadOnlyList<GalEntry>)WithBinaries(connection, chosen, options);
        }, cancellationToken);
    }

    /// <summary>Runs a query on a fresh connection off the caller's thread, bounded by the timeout; failures become <see cref="DirectoryUnavailableException"/>.</summary>
    private async Task<T> RunAsync<T>(Func<LdapConnection, T> query, CancellationToken cancellationToken)
    {
        var work = Task.Run(() =>
        {
            using var connection = Connect();
            return query(connection);
        }, CancellationToken.None);
        try
        {
            return await work.WaitAsync(_settings.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            _ = work.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw new DirectoryUnavailableException($"The LDAP directory {_settings.Url} did not answer within {_settings.Timeout.TotalSeconds:0.#} s.", e);
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException or DirectoryException)
        {
            throw new DirectoryUnavailableException($"The LDAP directory {_settings.Url} failed: {e.Message}", e);
        }
    }

    private LdapConnection Connect()
    {
        var identifier = new LdapDirectoryIdentifier(_settings.Url.Host, _settings.Port);
        var connection = _settings.BindDn.Length == 0
            ? new LdapConnection(identifier, null, AuthType.Anonymous)
            : new LdapConnection(identifier, new NetworkCredential(_settings.BindDn, _settings.BindPassword), AuthType.Basic);
        try
        {
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            if (_settings.UsesTls) connection.SessionOptions.SecureSocketLayer = true;
            connection.Timeout = _settings.Timeout;
            connection.AutoBind = false;
            connection.Bind();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The matching entries' text attributes, page by page, up to the size limit.</summary>
    private List<Found> ReadText(LdapConnection connection, string filter)
    {
        var found = new List<Found>();
        var request = new SearchRequest(_settings.BaseDn, filter, SearchScope.Subtree, _settings.Attributes.Requested(new GalSearchOptions()));
        var paging = new PageResultRequestControl(Math.Min(_settings.PageSize, _settings.SizeLimit)) { IsCritical = false };
        request.Controls.Add(paging);
        while (found.Count < _settings.SizeLimit)
        {
            var response = Send(connection, request);
            foreach (SearchResultEntry entry in response.Entries)
            {
                if (found.Count >= _settings.SizeLimit) break;
                if (ToEntry(entry, new GalSearchOptions()) is { } gal) found.Add(new Found(entry.DistinguishedName, gal));
            }

            var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
            if (cookie is not { Length: > 0 } || response.ResultCode != ResultCode.Success) break;
            paging.Cookie = cookie;
        }

        return found;
    }

    /// <summary>The chosen entries with their picture and certificates, when the options ask for them.</summary>
    private List<GalEntry> WithBinaries(LdapConnection connection, List<Found> chosen, GalSearchOptions options)
    {
        var map = _settings.Attributes;
        string[] binaries = [.. (options.WithPictures ? [map.Picture] : Array.Empty<string>()), .. options.WithCertificates ? [map.Certificates] : Array.Empty<string>()];
        binaries = [.. binaries.Where(a => a.Length > 0)];
        if (binaries.Length == 0) return [.. chosen.Select(f => f.Entry)];
        var entries = new List<GalEntry>(chosen.Count);
        foreach (var (dn, entry) in chosen)
        {
            var response = Send(connection, new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, binaries));
            if (response.Entries.Count == 0)
            {
                entries.Add(entry);
                continue;
            }

            var read = response.Entries[0];
            var pictures = options.WithPictures ? Binary(read, map.Picture) : [];
            entries.Add(entry with
            {
                Picture = pictures.Count > 0 ? pictures[0] : null,
                Certificates = options.WithCertificates ? Binary(read, map.Certificates) : [],
            });
        }

        return entries;
    }

    /// <summary>
    /// Sends a search; a size or time limit the server imposed ends the read with what it returned (the count says
    /// "at least"), every other result code fails.
    /// </summary>
    private SearchResponse Send(LdapConnection connection, SearchRequest request)
    {
        try
        {
            return (SearchResponse)connection.SendRequest(request, _settings.Timeout);
        }
        catch (DirectoryOperationException e) when (e.Response is SearchResponse partial
            && partial.ResultCode is ResultCode.SizeLimitExceeded or ResultCode.TimeLimitExceeded or ResultCode.AdminLimitExceeded)
        {
            return partial;
        }
    }

    private GalEntry? ToEntry(SearchResultEntry entry, GalSearchOptions options) =>
        _settings.Attributes.ToEntry(name => Text(entry, name), name => Binary(entry, name), options);

    private static string? Text(SearchResultEntry entry, string name) =>
        Attribute(entry, name)?.GetValues(typeof(string)) is [string first, ..] ? first : null;

    private static IReadOnlyList<byte[]> Binary(SearchResultEntry entry, string name) =>
        Attribute(entry, name)?.GetValues(typeof(byte[])).Cast<byte[]>().ToList() ?? [];

    private static DirectoryAttribute? Attribute(SearchResultEntry entry, string name)
    {
        if (entry.Attributes.Contains(name)) return entry.Attributes[name];
        foreach (string present in entry.Attributes.AttributeNames)
        {
            if (present.Equals(name, StringComparison.OrdinalIgnoreCase)) return entry.Attributes[present];
        }

        return null;
    }

    private sealed record Found(string Dn, GalEntry Entry);
}
