namespace Eas.Actors.Mailboxes;

/// <summary>A folder's change stamp (RFC 3501 STATUS, RFC 7162 HIGHESTMODSEQ): any difference means something changed.</summary>
public sealed record FolderStamp(uint UidValidity, uint UidNext, uint Messages, ulong HighestModSeq);

/// <summary>
/// The account's watcher session: a second IMAP connection that waits for changes (NOTIFY for every folder
/// where the server offers it, else IDLE on INBOX with the other folders polled). Owned by the mailbox actor's
/// watcher loop, never used for commands.
/// </summary>
public interface IMailWatcher : IAsyncDisposable
{
    /// <summary>The stamps of the folders, to compare across reconnects so no change is missed.</summary>
    Task<IReadOnlyDictionary<string, FolderStamp>> StampAsync(IReadOnlyCollection<string> folders, CancellationToken cancellationToken);

    /// <summary>
    /// Waits up to <paramref name="maxWait"/> and returns the names of the watched folders that changed (empty
    /// when none did). A poller compares a folder it has not stamped yet against <paramref name="baseline"/>.
    /// </summary>
    Task<IReadOnlyCollection<string>> WaitForChangesAsync(
        IReadOnlyCollection<string> watched, IReadOnlyDictionary<string, FolderStamp> baseline, TimeSpan maxWait, CancellationToken cancellationToken);
}

/// <summary>Opens watcher sessions; the host gives the real IMAP one.</summary>
public interface IMailWatcherFactory
{
    Task<IMailWatcher> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken);
}
