namespace Eas.Actors.Mailboxes;

/// <summary>
/// One logged-in IMAP session of one account, in the terms email sync needs. The mailbox actor owns it and
/// runs one operation at a time on it; everything is async and cancellable. Connection trouble surfaces as
/// <see cref="MailStoreUnavailableException"/> (the phone gets a retriable error); a command the server refuses
/// for one item surfaces as the store's own exception, and is that item's failure.
/// </summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>
    /// False once a failure may have left the connection in an unknown state (anything but a clean refusal of a
    /// command, or a cancellation mid-command), even when the work that saw it caught the failure; the owner then
    /// discards the session and opens a fresh one for the next piece of work.
    /// </summary>
    bool IsUsable => true;

    /// <summary>Every folder of the account (LIST with SPECIAL-USE), INBOX included.</summary>
    Task<IReadOnlyList<MailFolder>> ListFoldersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The folder's messages: all of them received on or after <paramref name="since"/> when
    /// <paramref name="changedSinceModSeq"/> is 0, else only those changed since that MODSEQ plus the UIDs
    /// expunged since (CONDSTORE/QRESYNC). A UIDVALIDITY different from <paramref name="expectedUidValidity"/>
    /// (when not 0) yields a full listing, and the caller sees the new UIDVALIDITY.
    /// </summary>
    Task<FolderListing> ListMessagesAsync(string folder, DateTimeOffset? since, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken);

    /// <summary>
    /// The messages' envelopes, flags and bodies as the encoder needs them; UIDs that no longer exist are left out.
    /// With <see cref="EmailContentRequest.MimePrefixBytes"/>, each item's <see cref="Sync.Email.EmailMime.Source"/> is
    /// the caller's to dispose.
    /// </summary>
    Task<IReadOnlyList<FetchedEmail>> FetchEmailsAsync(string folder, IReadOnlyList<uint> uids, EmailContentRequest content, CancellationToken cancellationToken);

    /// <summary>
    /// Starts fetching what the next Sync window will most likely ask <see cref="FetchEmailsAsync"/> for while the
    /// phone handles this window's response (MS-ASCMD 2.2.3.116 MoreAvailable: the client SHOULD keep sending Sync requests), and
    /// returns without waiting. A later <see cref="FetchEmailsAsync"/> of the same folder and content request serves
    /// from it the messages whose flags are unchanged; anything else drops it. Sessions that cannot do this ignore it.
    /// </summary>
    void PrefetchEmails(string folder, IReadOnlyList<uint> uids, EmailContentRequest content)
    {
    }

    /// <summary>Every message's threading headers (Message-ID, In-Reply-To, References, From, Date, Subject), for conversation lookups.</summary>
    Task<IReadOnlyList<(uint Uid, Sync.Email.EmailItem Headers)>> ListHeadersAsync(string folder, CancellationToken cancellationToken);

    /// <summary>The UIDs of the folder's messages whose <paramref name="header"/> contains <paramref name="value"/> (UID SEARCH HEADER, RFC 3501 6.4.4).</summary>
    Task<IReadOnlyList<uint>> SearchHeaderAsync(string folder, string header, string value, CancellationToken cancellationToken);

    /// <summary>Adds and removes flags on one message (UID STORE).</summary>
    Task SetFlagsAsync(string folder, uint uid, MessageFlags add, MessageFlags remove, CancellationToken cancellationToken);

    /// <summary>Moves messages (UID MOVE, or COPY and EXPUNGE); returns old UID to new UID where the server says (COPYUID).</summary>
    Task<IReadOnlyDictionary<uint, uint>> MoveAsync(string folder, IReadOnlyList<uint> uids, string destination, CancellationToken cancellationToken);

    /// <summary>Removes messages for good (\Deleted and UID EXPUNGE).</summary>
    Task ExpungeAsync(string folder, IReadOnlyList<uint> uids, CancellationToken cancellationToken);

    /// <summary>The folder's change stamp (STATUS), for Ping's "changed since the last sync" check.</summary>
    Task<FolderStamp> StampAsync(string folder, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a message of <paramref name="length"/> bytes to a folder with the given flags (IMAP APPEND, RFC 3501
    /// 6.3.11); returns its UID where the server says (APPENDUID, RFC 4315), else null.
    /// </summary>
    Task<uint?> AppendAsync(string folder, Stream message, long length, MessageFlags flags, CancellationToken cancellationToken);

    Task CreateFolderAsync(string name, CancellationToken cancellationToken);

    Task RenameFolderAsync(string name, string newName, CancellationToken cancellationToken);

    Task DeleteFolderAsync(string name, CancellationToken cancellationToken);

    /// <summary>Copies one MIME part (IMAP part number; empty for the whole message) into <paramref name="destination"/>, decoded, optionally a byte range of it; returns the part's full decoded size.</summary>
    Task<long> CopyPartAsync(string folder, uint uid, string part, Stream destination, (long Offset, long Length)? range, CancellationToken cancellationToken);
}

/// <summary>Opens sessions; the host gives the real IMAP one.</summary>
public interface IMailSessionFactory
{
    Task<IMailSession> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken);
}
