using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Eas.Actors.Diagnostics;
using Eas.Actors.Mailboxes;

namespace Eas.Actors.Tests.Mailboxes;

/// <summary>
/// The mailbox in <see cref="PushMode.Webhook"/> (MS-ASCMD 2.2.1.13: a parked Ping ends with Status 2 on a change): a
/// mail server's report reaches exactly the devices watching the folders, no watcher session is ever opened, and the
/// safety net reports a change no report announced.
/// </summary>
public sealed class MailboxWebhookPushTests() : Akka.TestKit.Xunit2.TestKit(InMemoryJournal), IDisposable
{
    private const string InMemoryJournal = """
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    private static readonly FolderStamp Seen = new(7, 10, 9, 100);
    private readonly Meter _meter = new("webhook-tests");
    private readonly StampedStore _store = new();

    private IActorRef StartMailbox(TimeSpan safetyNet) =>
        Sys.ActorOf(MailboxActor.PropsFor(new MailboxActorSettings(_store, _store, new PushMetrics(_meter)) { Push = PushMode.Webhook, SafetyNetInterval = safetyNet }, "mike@ox.io"));

    private WatchFolders Watch(params string[] folders) =>
        new("mike@ox.io/phone", TestActor, new MailCredentials("mike@ox.io", "pw"), [.. folders], folders.ToImmutableDictionary(f => f, _ => Seen, StringComparer.Ordinal));

    [Fact]
    public void MS_ASCMD_2_2_1_13_a_report_reaches_the_watching_device_for_its_watched_folders_only_and_opens_no_watcher()
    {
        var mailbox = StartMailbox(TimeSpan.FromHours(1));
        mailbox.Tell(Watch("INBOX", "Lists"));
        var at = DateTimeOffset.UnixEpoch.AddDays(1);

        mailbox.Tell(new MailboxChangesReported(["Drafts", "INBOX"], at));

        var changed = ExpectMsg<FoldersChanged>();
        changed.FolderNames.ShouldBe(["INBOX"]);
        changed.DetectedAt.ShouldBe(at);
        mailbox.Tell(new MailboxChangesReported(["Drafts"], at));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _store.WatchersOpened.ShouldBe(0);
    }

    [Fact]
    public void A_report_after_the_device_stopped_watching_tells_nobody()
    {
        var mailbox = StartMailbox(TimeSpan.FromHours(1));
        mailbox.Tell(Watch("INBOX"));
        mailbox.Tell(new UnwatchFolders("mike@ox.io/phone"));

        mailbox.Tell(new MailboxChangesReported(["INBOX"], DateTimeOffset.UnixEpoch));

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void The_safety_net_reports_a_change_no_report_announced_and_only_once()
    {
        _store.Stamp = Seen;
        var mailbox = StartMailbox(TimeSpan.FromMilliseconds(100));
        mailbox.Tell(Watch("INBOX"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        _store.Stamp = Seen with { UidNext = 11, Messages = 10, HighestModSeq = 101 };

        ExpectMsg<FoldersChanged>(TimeSpan.FromSeconds(5)).FolderNames.ShouldBe(["INBOX"]);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        _store.WatchersOpened.ShouldBe(0);
    }

    [Fact]
    public void A_safety_net_tick_that_opened_the_command_session_logs_it_out_again_at_once()
    {
        var mailbox = StartMailbox(TimeSpan.FromMilliseconds(100));
        mailbox.Tell(Watch("INBOX"));

        // The idle time is the default two minutes: only closing after the tick brings the open sessions back to 0.
        AwaitAssert(() =>
        {
            _store.SessionsOpened.ShouldBeGreaterThanOrEqualTo(2);
            _store.SessionsOpen.ShouldBe(0);
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20));
    }

    [Theory]
    [InlineData(7u, 11u, 100ul, true)]
    [InlineData(7u, 10u, 101ul, true)]
    [InlineData(7u, 10u, 100ul, false)]
    [InlineData(7u, 9u, 99ul, false)]
    [InlineData(8u, 11u, 101ul, false)]
    public void RFC_7162_3_1_2_a_device_baseline_replaces_the_known_stamp_only_when_it_is_further_along(uint uidValidity, uint uidNext, ulong modSeq, bool newer) =>
        MailboxActor.IsNewer(new FolderStamp(uidValidity, uidNext, 9, modSeq), Seen).ShouldBe(newer);

    public new void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    /// <summary>A store whose every folder has <see cref="Stamp"/>; opening a watcher counts and fails.</summary>
    private sealed class StampedStore : IMailSessionFactory, IMailWatcherFactory
    {
        private volatile FolderStamp _stamp = Seen;
        private int _watchers;
        private int _opened;
        private int _closed;

        public FolderStamp Stamp
        {
            get => _stamp;
            set => _stamp = value;
        }

        public int WatchersOpened => Volatile.Read(ref _watchers);

        public int SessionsOpened => Volatile.Read(ref _opened);

        /// <summary>Sessions opened and not disposed yet.</summary>
        public int SessionsOpen => Volatile.Read(ref _opened) - Volatile.Read(ref _closed);

        public Task<IMailSession> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opened);
            return Task.FromResult<IMailSession>(new Session(this));
        }

        Task<IMailWatcher> IMailWatcherFactory.OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _watchers);
            throw new InvalidOperationException("Webhook mode must not open a watcher session.");
        }

        private sealed class Session(StampedStore store) : IMailSession
        {
            public Task<FolderStamp> StampAsync(string folder, CancellationToken cancellationToken) => Task.FromResult(store.Stamp);

            public Task<IReadOnlyList<MailFolder>> ListFoldersAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<FolderListing> ListMessagesAsync(string folder, DateTimeOffset? since, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<IReadOnlyList<FetchedEmail>> FetchEmailsAsync(string folder, IReadOnlyList<uint> uids, EmailContentRequest content, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<IReadOnlyList<(uint Uid, Eas.Actors.Sync.Email.EmailItem Headers)>> ListHeadersAsync(string folder, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<IReadOnlyList<uint>> SearchHeaderAsync(string folder, string header, string value, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task SetFlagsAsync(string folder, uint uid, MessageFlags add, MessageFlags remove, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<IReadOnlyDictionary<uint, uint>> MoveAsync(string folder, IReadOnlyList<uint> uids, string destination, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task ExpungeAsync(string folder, IReadOnlyList<uint> uids, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<uint?> AppendAsync(string folder, Stream message, long length, MessageFlags flags, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task CreateFolderAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task RenameFolderAsync(string name, string newName, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task DeleteFolderAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<long> CopyPartAsync(string folder, uint uid, string part, Stream destination, (long Offset, long Length)? range, CancellationToken cancellationToken) => throw new NotSupportedException();

            public ValueTask DisposeAsync()
            {
                Interlocked.Increment(ref store._closed);
                return ValueTask.CompletedTask;
            }
        }
    }
}
