using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Email;

namespace Eas.Actors.Tests.TestKit;

/// <summary>
/// One account whose only folder is an INBOX in memory, behind the ports the MailboxActor opens sessions on:
/// messages with flags and MODSEQs, listed whole or as CONDSTORE deltas (changed since a MODSEQ, plus the
/// UIDs expunged since), so email Sync runs through the real device and mailbox actors without an IMAP server.
/// Message <c>n</c> was received <c>n</c> minutes after <see cref="Epoch"/>, so higher UIDs are newer. It watches
/// nothing: opening a watcher fails.
/// </summary>
public sealed class InMemoryInbox : IMailSessionFactory, IMailWatcherFactory
{
    public const uint UidValidity = 7;

    public static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _lock = new();
    private readonly SortedDictionary<uint, (MessageFlags Flags, ulong ModSeq)> _messages = new();
    private readonly List<(uint Uid, ulong ModSeq)> _expunged = [];
    private ulong _modSeq = 1;
    private int _sessionsOpened;

    /// <summary>How many sessions the mailbox actor opened.</summary>
    public int SessionsOpened => Volatile.Read(ref _sessionsOpened);

    /// <summary>When set, a session says it is no longer usable after each fetch, as one whose read broke off would.</summary>
    public bool SessionsBreakAfterFetch { get; set; }

    /// <summary>An INBOX holding messages 1 to <paramref name="count"/>, unread.</summary>
    public InMemoryInbox(int count)
    {
        for (var uid = 1u; uid <= count; uid++) _messages[uid] = (MessageFlags.None, _modSeq);
    }

    public void SetFlags(uint uid, MessageFlags flags)
    {
        lock (_lock) _messages[uid] = (flags, ++_modSeq);
    }

    /// <summary>Delivers a new message, unread, with the next UID.</summary>
    public void Deliver()
    {
        lock (_lock) _messages[(_messages.Count == 0 ? 0 : _messages.Keys.Max()) + 1] = (MessageFlags.None, ++_modSeq);
    }

    public void Expunge(uint uid)
    {
        lock (_lock)
        {
            _messages.Remove(uid);
            _expunged.Add((uid, ++_modSeq));
        }
    }

    Task<IMailSession> IMailSessionFactory.OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sessionsOpened);
        return Task.FromResult<IMailSession>(new Session(this));
    }

    Task<IMailWatcher> IMailWatcherFactory.OpenAsync(MailCredentials credentials, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The in-memory inbox is not watched.");

    private FolderListing List(ulong changedSince)
    {
        lock (_lock)
        {
            var messages = _messages.Where(pair => pair.Value.ModSeq > changedSince).Select(pair => new MessageInfo(pair.Key, pair.Value.Flags, Epoch.AddMinutes(pair.Key)));
            ImmutableArray<uint> vanished = changedSince == 0 ? [] : [.. _expunged.Where(e => e.ModSeq > changedSince).Select(e => e.Uid)];
            return new FolderListing(UidValidity, _modSeq, [.. messages], vanished, changedSince != 0);
        }
    }

    private FolderStamp Stamp()
    {
        lock (_lock) return new FolderStamp(UidValidity, (_messages.Count == 0 ? 0 : _messages.Keys.Max()) + 1, (uint)_messages.Count, _modSeq);
    }

    private List<FetchedEmail> Fetch(IReadOnlyList<uint> uids)
    {
        lock (_lock)
        {
            return [.. uids.Where(_messages.ContainsKey).Select(uid => new FetchedEmail(uid, _messages[uid].Flags, new EmailItem { Subject = $"Message {uid}", DateReceived = Epoch.AddMinutes(uid).UtcDateTime }))];
        }
    }

    private sealed class Session(InMemoryInbox inbox) : IMailSession
    {
        public bool IsUsable { get; private set; } = true;

        public Task<IReadOnlyList<MailFolder>> ListFoldersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<MailFolder>>([new MailFolder("INBOX", '/', FolderUse.Inbox, UidValidity)]);

        public Task<FolderListing> ListMessagesAsync(string folder, DateTimeOffset? since, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken) =>
            Task.FromResult(inbox.List(changedSinceModSeq));

        public Task<IReadOnlyList<FetchedEmail>> FetchEmailsAsync(string folder, IReadOnlyList<uint> uids, EmailContentRequest content, CancellationToken cancellationToken)
        {
            if (!IsUsable) throw new InvalidOperationException("A command was sent on a session that said it is no longer usable.");
            if (inbox.SessionsBreakAfterFetch) IsUsable = false;
            return Task.FromResult<IReadOnlyList<FetchedEmail>>(inbox.Fetch(uids));
        }

        public Task<IReadOnlyList<(uint Uid, EmailItem Headers)>> ListHeadersAsync(string folder, CancellationToken cancellationToken) =>
            Unused<IReadOnlyList<(uint Uid, EmailItem Headers)>>();

        public Task<IReadOnlyList<uint>> SearchHeaderAsync(string folder, string header, string value, CancellationToken cancellationToken) => Unused<IReadOnlyList<uint>>();

        public Task SetFlagsAsync(string folder, uint uid, MessageFlags add, MessageFlags remove, CancellationToken cancellationToken) => Unused();

        public Task<IReadOnlyDictionary<uint, uint>> MoveAsync(string folder, IReadOnlyList<uint> uids, string destination, CancellationToken cancellationToken) => Unused<IReadOnlyDictionary<uint, uint>>();

        public Task ExpungeAsync(string folder, IReadOnlyList<uint> uids, CancellationToken cancellationToken) => Unused();

        public Task<FolderStamp> StampAsync(string folder, CancellationToken cancellationToken) => Task.FromResult(inbox.Stamp());

        public Task<uint?> AppendAsync(string folder, Stream message, long length, MessageFlags flags, CancellationToken cancellationToken) => Unused<uint?>();

        public Task CreateFolderAsync(string name, CancellationToken cancellationToken) => Unused();

        public Task RenameFolderAsync(string name, string newName, CancellationToken cancellationToken) => Unused();

        public Task DeleteFolderAsync(string name, CancellationToken cancellationToken) => Unused();

        public Task<long> CopyPartAsync(string folder, uint uid, string part, Stream destination, (long Offset, long Length)? range, CancellationToken cancellationToken) => Unused<long>();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static Task Unused() => Unused<bool>();

        private static Task<T> Unused<T>() => Task.FromException<T>(new NotSupportedException("The in-memory inbox only lists, stamps and fetches."));
    }
}
