using MimeKit;

namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>
/// What the IMAP-folder PIM store (<see cref="ImapPimStore"/>) needs of the account's command session beyond
/// <see cref="IMailSession"/>: subjects by ENVELOPE, UID SEARCH by header, APPEND that reports the new UID
/// (RFC 4315 UIDPLUS), and folder annotations (RFC 5464 METADATA). A separate port so that test doubles of
/// <see cref="IMailSession"/> need not implement it; the real <see cref="ImapMailSession"/> does. Failures follow
/// <see cref="IMailSession"/>: an outage is <see cref="MailStoreUnavailableException"/>, a refusal MailKit's own exception.
/// </summary>
public interface IPimMailSession
{
    /// <summary>The login the session signed in with: the account the PIM messages are from and to.</summary>
    string Login { get; }

    /// <summary>
    /// The folder's PIM messages (UID, ENVELOPE subject, whether the body holds a vCard or an iCalendar object): all of them when
    /// <paramref name="changedSinceModSeq"/> is 0 or the folder's UIDVALIDITY is not <paramref name="expectedUidValidity"/>,
    /// else those changed since that MODSEQ and the UIDs expunged since (RFC 7162 3.1.4 CHANGEDSINCE, 3.2.6 VANISHED).
    /// Selects the folder afresh, so the listing's HIGHESTMODSEQ is current.
    /// </summary>
    Task<PimFolderListing> ListPimMessagesAsync(string folder, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken);

    /// <summary>
    /// Every message of the folder, from what the session remembers of it (<see cref="PimFolderIndex"/>), brought up
    /// to date by <see cref="ListPimMessagesAsync"/> since the remembered MODSEQ (a full listing the first time).
    /// </summary>
    Task<IReadOnlyCollection<PimMessageRef>> ListIndexedAsync(string folder, CancellationToken cancellationToken);

    /// <summary>
    /// The folder's change stamp (STATUS, RFC 3501 6.3.10, with HIGHESTMODSEQ, RFC 7162 3.1.6). When the folder is the
    /// selected one, a NOOP (RFC 3501 6.1.2) first lets the server bring the session's view of it up to date, since
    /// Dovecot answers STATUS of the selected mailbox from that view (RFC 3501 6.3.10 warns that it may be stale).
    /// </summary>
    Task<FolderStamp> StampPimFolderAsync(string folder, CancellationToken cancellationToken);

    /// <summary>
    /// The messages whose Subject is exactly one of <paramref name="subjects"/> (UID SEARCH HEADER SUBJECT, RFC 3501
    /// 6.4.4, a substring match, narrowed to exact matches on the ENVELOPE), in UID order.
    /// </summary>
    Task<IReadOnlyList<PimMessageRef>> FindBySubjectAsync(string folder, IReadOnlyList<string> subjects, CancellationToken cancellationToken);

    /// <summary>The messages, parsed whole (one UID FETCH of BODY.PEEK[]); UIDs that no longer exist are left out.</summary>
    Task<IReadOnlyList<(uint Uid, MimeMessage Message)>> FetchMessagesAsync(string folder, IReadOnlyList<uint> uids, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a message (RFC 3501 6.3.11) and returns its UID from APPENDUID (RFC 4315 3), or null where the
    /// server does not say. A refusal (too big, over quota) is MailKit's <see cref="MailKit.Net.Imap.ImapCommandException"/>.
    /// </summary>
    Task<uint?> AppendMessageAsync(string folder, MimeMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sets a private annotation on a folder (SETMETADATA, RFC 5464 4.3) where the server advertises METADATA;
    /// returns false, doing nothing, where it does not.
    /// </summary>
    Task<bool> SetFolderMetadataAsync(string folder, string entry, string value, CancellationToken cancellationToken);
}

/// <summary>One message of a PIM folder as a listing sees it.</summary>
/// <param name="Uid">Its IMAP UID: the item's version.</param>
/// <param name="Subject">Its decoded Subject: the item's id (null when it has none).</param>
/// <param name="HasItemPart">Whether its body structure holds a <c>text/vcard</c> or <c>text/calendar</c> part.</param>
public sealed record PimMessageRef(uint Uid, string? Subject, bool HasItemPart);

/// <summary>A PIM folder's messages, whole or since a MODSEQ.</summary>
/// <param name="UidValidity">The folder's UIDVALIDITY at SELECT.</param>
/// <param name="HighestModSeq">Its HIGHESTMODSEQ at SELECT (0 without CONDSTORE).</param>
/// <param name="Messages">Every message, or those changed since the MODSEQ asked for.</param>
/// <param name="Vanished">UIDs expunged since the MODSEQ asked for (empty in a full listing).</param>
/// <param name="IsDelta">False for a full listing.</param>
public sealed record PimFolderListing(uint UidValidity, ulong HighestModSeq, IReadOnlyList<PimMessageRef> Messages, IReadOnlyList<uint> Vanished, bool IsDelta);
