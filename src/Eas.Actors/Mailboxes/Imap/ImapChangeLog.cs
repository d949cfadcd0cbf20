using MailKit;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// The names of folders MailKit reported a change for (count, UIDNEXT, UIDVALIDITY, HIGHESTMODSEQ, unseen, flags,
/// expunges, renames with both names, creations, deletions), collected from its folder events while the watcher
/// reads responses, and the IDLE to end at the first one. Events arrive on the thread reading responses; the
/// watcher takes them between waits.
/// </summary>
internal sealed class ImapChangeLog
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private CancellationTokenSource? _wait;

    public bool Any
    {
        get
        {
            lock (_lock) return _names.Count > 0;
        }
    }

    /// <summary>Listens to <paramref name="folder"/>'s change events.</summary>
    public void Follow(IMailFolder folder)
    {
        EventHandler<EventArgs> changed = (_, _) => Mark(folder.FullName);
        folder.CountChanged += changed;
        folder.UidNextChanged += changed;
        folder.UidValidityChanged += changed;
        folder.HighestModSeqChanged += changed;
        folder.UnreadChanged += changed;
        folder.Deleted += changed;
        folder.MessageFlagsChanged += (_, _) => Mark(folder.FullName);
        folder.MessageExpunged += (_, _) => Mark(folder.FullName);
        folder.MessagesVanished += (_, _) => Mark(folder.FullName);
        folder.Renamed += (_, e) =>
        {
            Mark(e.OldName);
            Mark(e.NewName);
        };
    }

    /// <summary>Listens for folders the server announces (NOTIFY MailboxName, RFC 5465 5.4).</summary>
    public void FollowCreations(MailKit.Net.Imap.ImapClient client) => client.FolderCreated += (_, e) =>
    {
        Follow(e.Folder);
        Mark(e.Folder.FullName);
    };

    public void Mark(string name)
    {
        lock (_lock)
        {
            _names.Add(name);
            _wait?.Cancel();
        }
    }

    /// <summary>The names marked since the last call, and forgets them.</summary>
    public string[] Take()
    {
        lock (_lock)
        {
            var names = _names.ToArray();
            _names.Clear();
            return names;
        }
    }

    public void Clear()
    {
        lock (_lock) _names.Clear();
    }

    /// <summary>The wait a mark ends (null when none runs).</summary>
    public void EndWaitWith(CancellationTokenSource? wait)
    {
        lock (_lock) _wait = wait;
    }
}
