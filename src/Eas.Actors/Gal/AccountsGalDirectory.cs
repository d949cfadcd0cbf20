using Eas.Mail.Gal;

namespace Eas.Actors.Gal;

/// <summary>
/// The server's own global address list (the default <see cref="IGalDirectory"/>): the accounts the server knows,
/// each as an entry named by its address, plus the entries of an optional file (<see cref="GalEntriesFile"/>), whose
/// entry wins where both name the same address. The account list is read at most once per
/// <paramref name="accountsRefresh"/>; the file is read again when it changes.
/// </summary>
/// <param name="accounts">Lists the known account ids (<c>local@domain</c>); null for none (tests of the file alone).</param>
/// <param name="file">The entries file, or null.</param>
/// <param name="maxResults">The cap on counted matches (<c>Eas:Gal:MaxResults</c>): Total never exceeds it.</param>
/// <param name="accountsRefresh">How long a listing of the accounts is reused.</param>
/// <param name="clock">The clock of the refresh.</param>
public sealed class AccountsGalDirectory(
    Func<CancellationToken, Task<IReadOnlyList<string>>>? accounts, GalEntriesFile? file, int maxResults, TimeSpan accountsRefresh, TimeProvider clock) : IGalDirectory
{
    private volatile Tuple<IReadOnlyList<GalEntry>, DateTimeOffset>? _accounts;

    public async Task<GalSearchResult> SearchAsync(string query, int limit, GalSearchOptions options, CancellationToken cancellationToken)
    {
        var matches = (await EntriesAsync(cancellationToken)).Where(e => GalMatching.Matches(e, query)).Take(maxResults).ToList();
        return new GalSearchResult([.. matches.Take(limit).Select(e => Shape(e, options))], matches.Count);
    }

    public async Task<IReadOnlyList<GalEntry>> ResolveAsync(string recipient, int limit, GalSearchOptions options, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(cancellationToken);
        var exact = entries.Where(e => string.Equals(e.EmailAddress, recipient, StringComparison.OrdinalIgnoreCase));
        var named = entries.Where(e => !string.Equals(e.EmailAddress, recipient, StringComparison.OrdinalIgnoreCase) && GalMatching.Matches(e, recipient));
        return [.. exact.Concat(named).Take(limit).Select(e => Shape(e, options))];
    }

    /// <summary>Every entry, sorted by display name: the file's, then the accounts the file does not name.</summary>
    private async Task<IReadOnlyList<GalEntry>> EntriesAsync(CancellationToken cancellationToken)
    {
        var fromFile = file?.Current() ?? [];
        var fromAccounts = await AccountEntriesAsync(cancellationToken);
        if (fromAccounts.Count == 0) return fromFile;
        var named = fromFile.Select(e => e.EmailAddress).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. fromFile.Concat(fromAccounts.Where(e => !named.Contains(e.EmailAddress))).OrderBy(e => e.DisplayName, StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<IReadOnlyList<GalEntry>> AccountEntriesAsync(CancellationToken cancellationToken)
    {
        if (accounts is null) return [];
        var now = clock.GetUtcNow();
        if (_accounts is { } cached && now - cached.Item2 < accountsRefresh) return cached.Item1;
        // Two searches that find the listing stale at once both read it; the journal query is cheap enough for that.
        IReadOnlyList<string> ids;
        try
        {
            ids = await accounts(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new DirectoryUnavailableException("The account list could not be read.", e);
        }

        var entries = ids.Where(id => id.Contains('@', StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase).Select(AccountEntry).ToList();
        _accounts = Tuple.Create<IReadOnlyList<GalEntry>, DateTimeOffset>(entries, now);
        return entries;
    }

    /// <summary>An account as a GAL entry: its address, and its local part as display name and alias.</summary>
    private static GalEntry AccountEntry(string accountId)
    {
        var local = accountId[..accountId.IndexOf('@', StringComparison.Ordinal)];
        return new GalEntry(local, accountId) { Alias = local };
    }

    /// <summary>Pictures and certificates only when asked for: they are the heavy part of an entry.</summary>
    private static GalEntry Shape(GalEntry entry, GalSearchOptions options) => entry with
    {
        Picture = options.WithPictures ? entry.Picture : null,
        Certificates = options.WithCertificates ? entry.Certificates : [],
    };
}
