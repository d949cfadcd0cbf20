using System.Collections.Immutable;

namespace Eas.Actors.Mailboxes.Pim;

/// <summary>
/// Which PIM store each account uses: <see cref="DefaultStore"/> unless its domain has its own
/// (<c>Eas:Pim:Domains:&lt;domain&gt;:Store</c>), with what each adapter needs.
/// </summary>
/// <param name="DefaultStore">The store of domains without their own (<see cref="PimStoreKinds"/>).</param>
/// <param name="Domains">Per-domain store, by lower-cased domain.</param>
public sealed record PimStoreSettings(string DefaultStore, ImmutableDictionary<string, string> Domains)
{
    /// <summary>The CardDAV address book home of an account, <c>{user}</c> standing for the account id.</summary>
    public string? CardDavUrlTemplate { get; init; }

    /// <summary>The IMAP folder that holds the default contacts collection.</summary>
    public string ImapContactsFolder { get; init; } = "Contacts";

    /// <summary>How often a parked Ping polls a CardDAV store's change token.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The store an account uses, by the domain of its id.</summary>
    public string StoreFor(string accountId) =>
        Domains.GetValueOrDefault(Accounts.FeatureResolver.DomainOf(accountId).ToLowerInvariant()) ?? DefaultStore;

    /// <summary>The CardDAV address of an account, from <see cref="CardDavUrlTemplate"/>.</summary>
    public Uri CardDavUrlFor(string accountId) =>
        new((CardDavUrlTemplate ?? throw new InvalidOperationException("Eas:Pim:CardDav:UrlTemplate is not set."))
            .Replace("{user}", Uri.EscapeDataString(accountId), StringComparison.Ordinal));
}
