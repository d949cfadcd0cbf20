namespace Eas.Actors.Mailboxes;

/// <summary>
/// What a piece of mailbox work may use: the session, and the account's folder map (kept current by the actor).
/// A map the work changes is staged: the mailbox writes it to its journal when the work is done, before the
/// work's answer leaves, and drops it if the work fails. The account's PIM store (<see cref="Pim"/>) is opened on
/// first use and lives as long as the session, so IMAP-folder PIM work runs on this session, in the mailbox's turn.
/// </summary>
public sealed class MailboxContext(IMailSession session, Func<FolderMap> currentMap, Action<FolderMap> stageMap, Action<WatchFolders> watch, CancellationToken cancellationToken, Func<Eas.Mail.Pim.IPimStore>? pim = null, Func<string, Eas.Mail.Pim.PimKind?>? pimKindOf = null, Sync.Pim.PimCodecs? codecs = null)
{
    public IMailSession Session { get; } = session;

    /// <summary>Whether the server has a PIM store configured (contacts sync is offered only then).</summary>
    public bool HasPim => pim is not null;

    /// <summary>Whether an IMAP folder holds PIM items (the IMAP store's folders), so it is not a mail folder.</summary>
    public bool HoldsPim(string imapName) => PimKindOf(imapName) is not null;

    /// <summary>The kind of PIM items an IMAP folder holds (the IMAP store's folders of served kinds), or null for a mail folder.</summary>
    public Eas.Mail.Pim.PimKind? PimKindOf(string imapName) => pimKindOf?.Invoke(imapName);

    /// <summary>The PIM classes served; none without a PIM store.</summary>
    public Sync.Pim.PimCodecs Codecs { get; } = pim is null ? Sync.Pim.PimCodecs.None : codecs ?? Sync.Pim.PimCodecs.Default;

    /// <summary>The account's PIM store, opened on first use.</summary>
    /// <exception cref="InvalidOperationException">No PIM store is configured (<see cref="HasPim"/> is false).</exception>
    public Eas.Mail.Pim.IPimStore Pim => (pim ?? throw new InvalidOperationException("This server has no PIM store (MailboxActorSettings.Pim)."))();

    public FolderMap Folders => currentMap();

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Lists the folders and brings the folder map up to date (staged when it changed).</summary>
    public async Task<IReadOnlyList<MailFolder>> RefreshFoldersAsync()
    {
        var folders = await Session.ListFoldersAsync(CancellationToken);
        var map = Folders.Reconcile(folders);
        if (!ReferenceEquals(map, Folders)) stageMap(map);
        return folders;
    }

    /// <summary>The IMAP name of a folder id, listing the folders once when the id is not known yet.</summary>
    public async Task<string?> ResolveAsync(string folderId)
    {
        if (Folders.NameOf(folderId) is { } name) return name;
        await RefreshFoldersAsync();
        return Folders.NameOf(folderId);
    }

    /// <summary>
    /// Registers a parked request's watch in the same mailbox turn that took the folders' stamps, so a change
    /// landing right after the stamps is reported to it rather than dropped.
    /// </summary>
    public void Watch(WatchFolders watch) => watch_(watch);

    private readonly Action<WatchFolders> watch_ = watch;

    /// <summary>Records a change this server made to the hierarchy; durable before the work's answer leaves.</summary>
    public void StageMap(FolderMap map) => stageMap(map);
}
