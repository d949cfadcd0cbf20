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
    /// <summary>The CardDAV address-book home of an account, with placeholders (see <see cref="CardDavUrlFor"/>).</summary>
    public string? CardDavUrlTemplate { get; init; }

    /// <summary>The IMAP folder that holds the default contacts collection.</summary>
    public string ImapContactsFolder { get; init; } = "Contacts";

    /// <summary>The IMAP folder of the default calendar (<c>Eas:Pim:Imap:CalendarFolder</c>).</summary>
    public string ImapCalendarFolder { get; init; } = "Calendar";

    /// <summary>The IMAP folder of the default tasks collection (<c>Eas:Pim:Imap:TasksFolder</c>).</summary>
    public string ImapTasksFolder { get; init; } = "Tasks";

    /// <summary>The IMAP folder of the default notes collection (<c>Eas:Pim:Imap:NotesFolder</c>).</summary>
    public string ImapNotesFolder { get; init; } = "Notes";

    /// <summary>The IMAP store's folders, one per kind.</summary>
    public Imap.Pim.ImapPimOptions ImapFolders => new(ImapContactsFolder, ImapCalendarFolder, ImapTasksFolder, ImapNotesFolder);

    /// <summary>The PIM classes served; only their kinds are synced and only their IMAP folders leave the mail hierarchy.</summary>
    public Sync.Pim.PimCodecs Codecs { get; init; } = Sync.Pim.PimCodecs.Default;

    /// <summary>How often a parked Ping polls a CardDAV store's change token.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The store an account uses, by the domain of its id.</summary>
    public string StoreFor(string accountId) =>
        Domains.GetValueOrDefault(Accounts.FeatureResolver.DomainOf(accountId).ToLowerInvariant()) ?? DefaultStore;

    /// <summary>
    /// The CardDAV address-book home of an account, from <see cref="CardDavUrlTemplate"/>: <c>{user}</c> is the IMAP
    /// login the phone signed in with (the name the CardDAV server authenticates too), <c>{localpart}</c> and
    /// <c>{domain}</c> its two halves around the last <c>@</c> (a login without one is all local part, and the domain
    /// comes from the account id). Each value is URL-escaped.
    /// </summary>
    public Uri CardDavUrlFor(string accountId, string login) =>
        new(ExpandCardDavTemplate(CardDavUrlTemplate ?? throw new InvalidOperationException("Eas:Pim:CardDav:UrlTemplate is not set."), accountId, login));

    /// <summary>The placeholders a CardDAV URL template may hold (see <see cref="CardDavUrlFor"/>).</summary>
    public static readonly IReadOnlyList<string> CardDavPlaceholders = ["{user}", "{localpart}", "{domain}"];

    /// <summary>Expands <paramref name="template"/> for one login (see <see cref="CardDavUrlFor"/>).</summary>
    public static string ExpandCardDavTemplate(string template, string accountId, string login)
    {
        ArgumentNullException.ThrowIfNull(template);
        var at = login.LastIndexOf('@');
        var local = at < 0 ? login : login[..at];
        var domain = at < 0 ? Accounts.FeatureResolver.DomainOf(accountId) : login[(at + 1)..];
        return template
            .Replace("{user}", Uri.EscapeDataString(login), StringComparison.Ordinal)
            .Replace("{localpart}", Uri.EscapeDataString(local), StringComparison.Ordinal)
            .Replace("{domain}", Uri.EscapeDataString(domain), StringComparison.Ordinal);
    }
}
