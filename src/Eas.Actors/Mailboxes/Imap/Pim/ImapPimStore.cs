using Eas.Mail.Pim;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>
/// <see cref="IPimStore"/> over folders of the account's own IMAP mailbox, the embedded default store (how Axigen and
/// Kolab keep PIM data; no other server needed). It runs on the account's one command session (the mailbox actor's),
/// so it must be used, like that session, one operation at a time; it never opens a connection of its own and does
/// not close the session when disposed.
/// </summary>
/// <remarks>
/// <para><b>Collections.</b> Per kind, its top folder (<see cref="ImapPimOptions.RootOf"/>: <c>Contacts</c>,
/// <c>Calendar</c>, <c>Tasks</c>, <c>Notes</c> by default; created when missing, the default collection) and the
/// folders below it (user-created collections, whose <see cref="PimCollection.ParentId"/> is their IMAP parent's
/// name). A collection's id is its IMAP mailbox name. Where the server advertises METADATA (RFC 5464), folders it
/// creates are annotated <c>/private/vendor/kolab/folder-type</c> = <c>contact</c>, <c>event</c>, <c>task</c> or
/// <c>note</c> (with <c>.default</c> on the default), as Kolab does; SPECIAL-USE (RFC 6154) has no use for PIM
/// folders, so without METADATA nothing marks them.</para>
/// <para><b>Items.</b> One message per item (<see cref="ImapPimMessage"/>): Subject = the item id, the body one
/// <c>text/vcard</c> part for a contact, one <c>text/calendar</c> part for the others, holding the content as given.
/// An item's version is its message's UID (decimal). An update APPENDs the new message
/// first and then expunges the old UID, so a crash in between leaves two copies and never none; the next full
/// listing keeps the highest UID and expunges the older ones. Messages without a usable Subject or without a
/// vCard are skipped, logged once per UID, never a failure.</para>
/// <para><b>Changes.</b> The token is <c>UIDVALIDITY:HIGHESTMODSEQ</c>. No token, a token of another UIDVALIDITY,
/// or any UID expunged since the token (VANISHED, RFC 7162 3.2.6) gives a full listing; otherwise the messages
/// changed since the MODSEQ (<c>UID FETCH 1:* (UID ENVELOPE) (CHANGEDSINCE n)</c>, RFC 7162 3.1.4) are the changed
/// items (a flag change shows up with an unchanged version).</para>
/// <para><b>Errors.</b> An outage (<see cref="MailStoreUnavailableException"/>) becomes
/// <see cref="PimStoreUnavailableException"/> with it as the inner exception; a refused APPEND (too big, over quota)
/// is <see cref="PimItemRejectedException"/>. Any other NO on a PIM folder (the server cannot open or read it
/// now: permissions, a damaged maildir) is <see cref="PimStoreUnavailableException"/> too, so it costs that
/// collection a retriable status and never the request's mail collections.</para>
/// </remarks>
public sealed partial class ImapPimStore : IPimStore
{
    /// <summary>The RFC 5464 entry Kolab uses for a folder's kind.</summary>
    public const string FolderTypeEntry = "/private/vendor/kolab/folder-type";

    private readonly IMailSession _mail;
    private readonly IPimMailSession _pim;
    private readonly ImapPimOptions _options;
    private readonly HashSet<(string Folder, uint Uid)> _skipsLogged = [];

    /// <param name="session">The account's command session; must also be an <see cref="IPimMailSession"/> (the real IMAP one is).</param>
    /// <param name="options">Where the PIM folders are.</param>
    public ImapPimStore(IMailSession session, ImapPimOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        _mail = session;
        _pim = session as IPimMailSession ?? throw new ArgumentException("The IMAP-folder PIM store needs a session that is also an IPimMailSession.", nameof(session));
        _options = options;
    }

    /// <summary>Where skipped messages and cleanups are logged.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    public string Kind => "imap";

    public Task<IReadOnlyList<PimCollection>> ListCollectionsAsync(PimKind kind, CancellationToken cancellationToken) =>
        ListCollectionsOfKindsAsync([kind], cancellationToken);

    /// <summary>Every kind from one LIST (RFC 3501 6.3.8); a second LIST only after creating a missing default folder.</summary>
    public Task<IReadOnlyList<PimCollection>> ListCollectionsOfKindsAsync(IReadOnlyList<PimKind> kinds, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(kinds);
            var folders = await _mail.ListFoldersAsync(cancellationToken);
            var missing = kinds.Distinct().Where(kind => !folders.Any(f => f.Name == _options.RootOf(kind))).ToList();
            if (missing.Count > 0)
            {
                foreach (var kind in missing) await CreateDefaultFolderAsync(kind, cancellationToken);
                folders = await _mail.ListFoldersAsync(cancellationToken);
            }

            var selectable = folders.Where(f => f.Selectable).ToList();
            return (IReadOnlyList<PimCollection>)[.. kinds.Distinct().SelectMany(kind => selectable
                .Where(f => ImapPimFolders.KindOf(f.Name, f.Delimiter, _options) == kind)
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => ToCollection(f, kind)))];
        });

    public Task<PimCollection> CreateCollectionAsync(PimKind kind, string displayName, string? parentId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var parent = parentId ?? _options.RootOf(kind);
            var delimiter = await DelimiterAsync(cancellationToken);
            if (ImapPimFolders.KindOf(parent, delimiter, _options) != kind)
                throw new ArgumentException($"'{parent}' is not a {kind} folder.", nameof(parentId));
            var name = ChildName(parent, delimiter, displayName);
            await _mail.CreateFolderAsync(name, cancellationToken);
            await MarkAsync(name, ImapPimMessage.KolabTypeOf(kind), cancellationToken);
            return new PimCollection(name, kind, displayName, parent, IsDefault: false);
        });

    public Task RenameCollectionAsync(string collectionId, string displayName, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            RefuseDefault(collectionId, "renamed");
            var delimiter = await DelimiterAsync(cancellationToken);
            var cut = delimiter is { } d ? collectionId.LastIndexOf(d) : -1;
            if (cut <= 0 || !ImapPimFolders.IsPimFolder(collectionId, delimiter, _options))
                throw new ArgumentException($"'{collectionId}' is not a PIM folder below a default one.", nameof(collectionId));
            var parent = collectionId[..cut];
            await _mail.RenameFolderAsync(collectionId, ChildName(parent, delimiter, displayName), cancellationToken);
            return true;
        });

    public Task DeleteCollectionAsync(string collectionId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            RefuseDefault(collectionId, "deleted");
            await _mail.DeleteFolderAsync(collectionId, cancellationToken);
            return true;
        });

    public Task<string> GetTokenAsync(string collectionId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var stamp = await _pim.StampPimFolderAsync(collectionId, cancellationToken);
            return ImapPimToken.Format(stamp.UidValidity, stamp.HighestModSeq);
        });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task CreateDefaultFolderAsync(PimKind kind, CancellationToken cancellationToken)
    {
        var name = _options.RootOf(kind);
        try
        {
            await _mail.CreateFolderAsync(name, cancellationToken);
        }
        catch (ImapCommandException)
        {
            // Created meanwhile by another client (NO [ALREADYEXISTS], RFC 5530 3): it is there, which is all we need.
            if ((await _mail.ListFoldersAsync(cancellationToken)).Any(f => f.Name == name)) return;
            throw;
        }

        await MarkAsync(name, ImapPimMessage.KolabTypeOf(kind) + ".default", cancellationToken);
        ImapPimLog.DefaultFolderCreated(Logger, _pim.Login, kind, name);
    }

    /// <summary>Kolab's folder-type annotation (RFC 5464) where the server keeps METADATA; a refusal is logged, not a failure: the mark is a courtesy to other clients.</summary>
    private async Task MarkAsync(string folder, string type, CancellationToken cancellationToken)
    {
        try
        {
            await _pim.SetFolderMetadataAsync(folder, FolderTypeEntry, type, cancellationToken);
        }
        catch (ImapCommandException e)
        {
            ImapPimLog.MarkRefused(Logger, _pim.Login, folder, e.ResponseText ?? e.Message);
        }
    }

    private PimCollection ToCollection(MailFolder folder, PimKind kind)
    {
        var isDefault = folder.Name == _options.RootOf(kind);
        return new PimCollection(folder.Name, kind, folder.DisplayName, isDefault ? null : folder.ParentName, isDefault);
    }

    private void RefuseDefault(string collectionId, string doing)
    {
        if (ImapPimFolders.IsRoot(collectionId, _options))
            throw new InvalidOperationException($"The default PIM folder '{collectionId}' cannot be {doing}.");
    }

    /// <summary>The hierarchy delimiter of the personal namespace, from the contacts folder's LIST entry (or any folder's).</summary>
    private async Task<char?> DelimiterAsync(CancellationToken cancellationToken)
    {
        var folders = await _mail.ListFoldersAsync(cancellationToken);
        return (folders.FirstOrDefault(f => f.Name == _options.ContactsFolder) ?? (folders.Count > 0 ? folders[0] : null))?.Delimiter;
    }

    private static string ChildName(string parent, char? delimiter, string displayName)
    {
        if (delimiter is not { } d) throw new NotSupportedException("The IMAP server has a flat namespace: contact folders cannot nest.");
        if (displayName.Length == 0 || displayName.Contains(d, StringComparison.Ordinal))
            throw new ArgumentException($"A folder name must be non-empty and without '{d}'.", nameof(displayName));
        return $"{parent}{d}{displayName}";
    }

    /// <summary>The port boundary: an IMAP outage leaves as <see cref="PimStoreUnavailableException"/>, with the cause inside.</summary>
    private static async Task<T> GuardAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (MailStoreUnavailableException e)
        {
            throw new PimStoreUnavailableException(e.Message, e);
        }
        catch (ImapCommandException e) when (e.Response == ImapCommandResponse.No)
        {
            throw new PimStoreUnavailableException(e.ResponseText ?? e.Message, e);
        }
    }
}
