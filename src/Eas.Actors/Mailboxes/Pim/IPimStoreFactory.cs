using Eas.Mail.Pim;

namespace Eas.Actors.Mailboxes.Pim;

/// <summary>
/// Opens an account's PIM store (<see cref="IPimStore"/>). The mailbox actor opens one lazily per IMAP command
/// session and closes it with the session, so IMAP-folder PIM work runs on the mailbox's one session, in its turn,
/// like mail work; a CardDAV store is opened the same way so both stores follow one life cycle.
/// </summary>
public interface IPimStoreFactory
{
    /// <summary>Which adapter the account uses (<see cref="PimStoreKinds"/>), for operators and the admin API.</summary>
    string KindFor(string accountId);

    /// <summary>
    /// Whether an IMAP folder of the account holds PIM items (the IMAP store's folder of a served kind and its
    /// subfolders): such a folder leaves the mail hierarchy and is never synced as email.
    /// </summary>
    bool HoldsPim(string accountId, string imapName) => PimKindOf(accountId, imapName) is not null;

    /// <summary>The kind of PIM items an IMAP folder of the account holds (see <see cref="HoldsPim"/>), or null for a mail folder.</summary>
    Eas.Mail.Pim.PimKind? PimKindOf(string accountId, string imapName);

    /// <summary>The PIM classes served (<see cref="Sync.Pim.PimCodecs"/>).</summary>
    Sync.Pim.PimCodecs Codecs => Sync.Pim.PimCodecs.Default;

    /// <summary>Opens the account's store over <paramref name="target"/>'s session or its own connection.</summary>
    IPimStore Open(PimStoreTarget target);

    /// <summary>How often a parked request polls the change token of a collection no IMAP watcher can see (<c>Eas:Pim:PollSeconds</c>).</summary>
    TimeSpan PollInterval => TimeSpan.FromSeconds(60);
}

/// <summary>What a PIM store is opened for: the account, the credentials of the request, and the mailbox's command session.</summary>
public sealed record PimStoreTarget(string AccountId, MailCredentials Credentials, IMailSession Session);

/// <summary>The adapters' names, as configured in <c>Eas:Pim:Store</c> and shown by the admin API.</summary>
public static class PimStoreKinds
{
    /// <summary>Folders of the account's own IMAP mailbox (the default).</summary>
    public const string Imap = "imap";

    /// <summary>A CardDAV server (RFC 6352).</summary>
    public const string CardDav = "carddav";

    /// <summary>Contacts on a CardDAV server (RFC 6352), calendars, tasks and notes on a CalDAV server (RFC 4791).</summary>
    public const string Dav = "dav";

    public static bool IsKnown(string? kind) => kind is Imap or CardDav or Dav;
}
