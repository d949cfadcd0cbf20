using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Access;
using Eas.Actors.Diagnostics;
using Eas.Actors.Mailboxes;
using Eas.Actors.Tests.TestKit;
using Eas.Actors.Timing;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Cluster;

/// <summary>
/// A plain Ping (MS-ASCMD 2.2.1.13) that its device hands to the account entity: the real entity, device and mailbox
/// actors (webhook push, an in-memory inbox, an in-memory journal), heartbeats on a wheel whose clock moves only when
/// told, so a heartbeat passes exactly when a test says. The journal is in memory and fails on order (<see cref="RefusingJournal"/>).
/// </summary>
public sealed class HeldPingTests : Akka.TestKit.Xunit2.TestKit, IDisposable
{
    private const string Inbox = "1";
    private const string DeviceKey = "mike@ox.io/phone1";
    private const int Heartbeat = 600;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ParkedIdle = TimeSpan.FromMilliseconds(100);

    private readonly Meter _meter = new("Eas.Actors.Tests.HeldPingTests");
    private readonly MetricsRecorder _recorder;
    private readonly EntityCounts _counts = new();
    private readonly InMemoryInbox _inbox = new(3);
    private readonly ManualTimeProvider _clock = new();
    private readonly Sync.Calendar.CapturingLogger<AccountEntityActor> _log = new();
    private readonly DeadlineWheel _wheel;
    private readonly Akka.TestKit.TestProbe _mailboxTold;
    private IActorRef _shard = ActorRefs.Nobody;

    public HeldPingTests()
        : base(RefusingJournal.Hocon)
    {
        _wheel = new DeadlineWheel(_clock, TimeSpan.FromSeconds(1));
        _mailboxTold = CreateTestProbe();
        _recorder = new MetricsRecorder(_meter);
    }

    private DeviceRegion Devices => new(_shard);

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_held_Ping_outlives_its_device_and_a_change_answers_Status_2_without_starting_it()
    {
        Start(ParkedIdle);
        await SyncedAsync();

        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);
        _mailboxTold.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        ping.IsCompleted.ShouldBeFalse();

        Report("INBOX");

        var answer = (await ping).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>();
        answer.Status.ShouldBe(PingStatus.ChangesFound);
        answer.Folders.ShouldBe([Inbox]);
        _mailboxTold.ExpectMsg<UnwatchFolders>().DeviceKey.ShouldBe(DeviceKey, "the watch outlived the device and goes with the answer");
        _counts[EntityKind.Device].ShouldBe(0, "the change started no device");
        _recorder.Sum("eas.ping.outcomes", "changed").ShouldBe(1);
    }

    [Fact]
    public async Task A_held_Ping_shows_as_parked_and_a_change_in_a_folder_it_does_not_watch_leaves_it_parked()
    {
        Start(ParkedIdle);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        Report("Drafts");
        var state = await Devices.GetReplyAsync("mike@ox.io", "Phone1", Deadline);

        state.PingParked.ShouldBeTrue();
        ping.IsCompleted.ShouldBeFalse();
        Report("INBOX");
        (await ping).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.ChangesFound);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_the_heartbeat_of_a_held_Ping_answers_Status_1()
    {
        Start(ParkedIdle);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        _clock.Advance(TimeSpan.FromSeconds(Heartbeat - 10));
        _mailboxTold.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        ping.IsCompleted.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(11));

        (await ping).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        _mailboxTold.ExpectMsg<UnwatchFolders>().DeviceKey.ShouldBe(DeviceKey);
        _counts[EntityKind.Device].ShouldBe(0);
        _recorder.Sum("eas.ping.outcomes", "timeout").ShouldBe(1);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_newer_request_ends_the_held_Ping_with_Status_1_and_the_new_Ping_is_held_in_its_place()
    {
        Start(ParkedIdle);
        await SyncedAsync();
        var first = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);
        _clock.Advance(TimeSpan.FromSeconds(Heartbeat / 10 + 1));

        var second = Devices.ExecuteAsync(Ping(), Deadline, default);

        (await first).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        _recorder.Sum("eas.ping.outcomes", "superseded").ShouldBe(1);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);
        Report("INBOX");
        (await second).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.ChangesFound);
    }

    [Fact]
    public async Task Pings_re_parked_fast_are_flagged_as_a_loop_though_the_device_passivated_in_between()
    {
        Start(ParkedIdle, loops: new LoopLimits(FastPings: 2));
        await SyncedAsync();
        var first = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        var second = Devices.ExecuteAsync(Ping(), Deadline, default);
        (await first).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        var third = Devices.ExecuteAsync(Ping(), Deadline, default);
        (await second).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);

        // The third Ping may still be on its way from the device to the entity when the state is asked for.
        var state = await Devices.GetReplyAsync("mike@ox.io", "Phone1", Deadline);
        for (var tries = 0; !state.PingParked && tries < 100; tries++)
        {
            await Task.Delay(100);
            state = await Devices.GetReplyAsync("mike@ox.io", "Phone1", Deadline);
        }

        state.Loop.ShouldNotBeNull("the first re-park was measured against the Ping held while its device was away").Reason.ShouldContain("2 times in a row");
        state.PingParked.ShouldBeTrue();
        third.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_held_Ping_the_phone_hung_up_on_is_dropped_without_an_answer_and_its_watch_with_it()
    {
        Start(ParkedIdle);
        await SyncedAsync();
        using var hangUp = new CancellationTokenSource();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, hangUp.Token);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        await hangUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => ping);
        _mailboxTold.ExpectMsg<UnwatchFolders>().DeviceKey.ShouldBe(DeviceKey);
        AwaitAssert(() => _recorder.Sum("eas.ping.outcomes", "aborted").ShouldBe(1), Deadline);
        _counts[EntityKind.Device].ShouldBe(0);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_an_entity_that_stops_answers_its_held_Pings_with_Status_1()
    {
        Start(ParkedIdle);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        _shard.Tell(PoisonPill.Instance);

        (await ping).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        _recorder.Sum("eas.ping.outcomes", "shutdown").ShouldBe(1);
    }

    [Fact]
    public async Task A_throttled_request_leaves_the_held_Ping_parked()
    {
        // The device keeps its budgets in memory: it stays running (a long parked idle time) so its Ping budget is spent.
        Start(TimeSpan.FromMinutes(5), new RequestBudgetLimits(PingBurst: 1, PingsPerMinute: 1));
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitAssert(() => Devices.GetReplyAsync("mike@ox.io", "Phone1", Deadline).Result.PingParked.ShouldBeTrue(), Deadline);

        (await Devices.ExecuteAsync(Ping(), Deadline, default)).ShouldBeOfType<Throttled>().Budget.ShouldBe("pings");

        ping.IsCompleted.ShouldBeFalse();
        Report("INBOX");
        (await ping).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.ChangesFound);
        _mailboxTold.ExpectMsg<UnwatchFolders>().DeviceKey.ShouldBe(DeviceKey);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_partnership_removed_while_the_entity_holds_the_Ping_answers_it_Status_1_at_once()
    {
        Start(ParkedIdle);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        (await Devices.RemovePartnershipAsync("mike@ox.io", "Phone1", Deadline)).State.ShouldNotBeNull();

        (await ping.WaitAsync(Deadline)).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        _mailboxTold.ExpectMsg<UnwatchFolders>().DeviceKey.ShouldBe(DeviceKey);
        (await Devices.GetStateAsync("mike@ox.io", "Phone1", Deadline)).ShouldBeNull("the phone's next request starts a new device");
    }

    [Fact]
    public async Task MS_ASPROV_3_2_5_1_2_a_wipe_ordered_while_the_entity_holds_the_Ping_answers_it_Status_1_and_the_next_Ping_gets_the_wipe()
    {
        Start(ParkedIdle);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        (await Devices.RequestWipeAsync("mike@ox.io", "Phone1", accountOnly: false, "admin", Deadline)).Refusal.ShouldBeNull();

        (await ping.WaitAsync(Deadline)).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        _recorder.Sum("eas.ping.outcomes", "wiped").ShouldBe(1);
        (await Devices.ExecuteAsync(Ping(), Deadline, default)).ShouldBeOfType<ProvisioningRequired>().Verdict.ShouldBe(PolicyVerdict.RemoteWipeRequested);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_198_a_parked_Sync_stays_with_its_device_and_runs_again_on_a_change()
    {
        Start(ParkedIdle);
        var key = await SyncedAsync();
        var body = new SyncRequest { Collections = [new SyncCollectionRequest(key, Inbox) { WindowSize = 100 }], Wait = 10 };
        var waiting = Devices.ExecuteAsync(Request(EasCommand.Sync, body), Deadline, default);
        AwaitAssert(() => Devices.GetReplyAsync("mike@ox.io", "Phone1", Deadline).Result.PingParked.ShouldBeTrue(), Deadline);

        _inbox.Deliver();
        Report("INBOX");

        var collection = ((SyncResponse)(await waiting).ShouldBeOfType<RespondWith>().Response).Collections.ShouldHaveSingleItem();
        collection.Commands.OfType<SyncServerAdd>().ShouldHaveSingleItem();
        _counts[EntityKind.Device].ShouldBe(1, "the device held its parked Sync and never passivated");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_2_a_device_blocked_while_the_entity_holds_its_Ping_is_answered_Status_1_at_once_and_its_next_Ping_gets_the_block()
    {
        Start(ParkedIdle, accessRules: true);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        (await Devices.SetAccessAsync("mike@ox.io", "Phone1", DeviceAccessLevel.Block, "admin", Deadline)).State.ShouldNotBeNull().AccessDecision.ShouldBe(DeviceAccessLevel.Block);

        (await ping.WaitAsync(Deadline)).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        _recorder.Sum("eas.ping.outcomes", "access").ShouldBe(1);
        _mailboxTold.ExpectMsg<UnwatchFolders>().DeviceKey.ShouldBe(DeviceKey);
        (await Devices.ExecuteAsync(Ping(), Deadline, default)).ShouldBeOfType<DeviceAccessDenied>().Level.ShouldBe(DeviceAccessLevel.Block);
    }

    [Fact]
    public async Task A_refused_wipe_gives_the_held_Ping_back_to_the_entity_and_the_device_passivates_again()
    {
        Start(ParkedIdle);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        // An account-only wipe needs 16.1; the phone speaks 14.1.
        (await Devices.RequestWipeAsync("mike@ox.io", "Phone1", accountOnly: true, "admin", Deadline)).Refusal.ShouldBe(RemoteWipeRefusal.AccountOnlyNeeds161);

        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline, "the device gave the Ping back and passivated");
        ping.IsCompleted.ShouldBeFalse();
        Report("INBOX");
        (await ping.WaitAsync(Deadline)).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.ChangesFound);
        _counts[EntityKind.Device].ShouldBe(0, "the entity answered the Ping it held again");
    }

    [Fact]
    public async Task An_access_order_whose_write_the_journal_rejects_gives_the_held_Ping_back_to_the_entity()
    {
        Start(ParkedIdle, accessRules: true);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);
        await RefusingJournal.Of(Sys).Ask<RejectWrites>(new RejectWrites(1), Deadline);

        await Should.ThrowAsync<Exception>(Devices.SetAccessAsync("mike@ox.io", "Phone1", DeviceAccessLevel.Block, "admin", Deadline));

        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline, "the device gave the Ping back and passivated");
        ping.IsCompleted.ShouldBeFalse("nothing was decided, so the Ping waits on");
        Report("INBOX");
        (await ping.WaitAsync(Deadline)).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.ChangesFound);
    }

    [Fact]
    public async Task An_access_order_that_changes_nothing_leaves_the_held_Ping_parked_with_the_entity()
    {
        Start(ParkedIdle, accessRules: true);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);

        (await Devices.SetAccessAsync("mike@ox.io", "Phone1", null, "admin", Deadline)).State.ShouldNotBeNull().AccessDecision.ShouldBeNull();

        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline, "the device gave the Ping back and passivated");
        ping.IsCompleted.ShouldBeFalse();
        Report("INBOX");
        (await ping.WaitAsync(Deadline)).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.ChangesFound);
        _counts[EntityKind.Device].ShouldBe(0);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_held_Ping_given_back_to_a_device_whose_state_cannot_be_read_is_answered_Status_1_and_counted_lost_once()
    {
        Start(ParkedIdle);
        await SyncedAsync();
        var ping = Devices.ExecuteAsync(Ping(), Deadline, default);
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);
        await RefusingJournal.Of(Sys).Ask<RefuseReplays>(new RefuseReplays(1), Deadline);

        var next = Devices.ExecuteAsync(Request(EasCommand.FolderSync, new FolderSyncRequest("0")), Deadline, default);

        (await ping.WaitAsync(Deadline)).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
        await Should.ThrowAsync<Eas.Actors.Persistence.StoreUnavailableException>(() => next.WaitAsync(Deadline));
        AwaitAssert(() => _recorder.Sum("eas.ping.outcomes", "lost").ShouldBe(1), Deadline);
        // The device's incarnation that could not read its state has stopped and its letters are all back.
        AwaitCondition(() => _counts[EntityKind.Device] == 0, Deadline);
        _mailboxTold.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
        _recorder.Sum("eas.ping.outcomes", "lost").ShouldBe(1);
        lock (_log.Lines) _log.Lines.Count(line => line.EventId == 5900).ShouldBe(1);
    }

    public new void Dispose()
    {
        _wheel.Dispose();
        _recorder.Dispose();
        _meter.Dispose();
        base.Dispose();
    }

    private void Start(TimeSpan parkedIdle, RequestBudgetLimits? budgets = null, LoopLimits? loops = null, bool accessRules = false)
    {
        var view = new Eas.Actors.Accounts.DirectoryView();
        view.Publish(Eas.Actors.Accounts.DirectoryState.Default);
        var metrics = new PushMetrics(_meter);
        var mailbox = new MailboxActorSettings(_inbox, _inbox, metrics) { Push = PushMode.Webhook, SafetyNetInterval = TimeSpan.FromHours(1) };
        var device = new DeviceActorSettings(new DevicePolicy(false, true, ImmutableSortedDictionary<string, string>.Empty), () => 1)
        {
            ParkedDeviceIdle = parkedIdle,
            Deadlines = _wheel,
            Metrics = metrics,
            Clock = _clock,
            Budgets = budgets ?? new RequestBudgetLimits(),
            Loops = loops ?? new LoopLimits(),
            Directory = accessRules ? new Eas.Actors.Accounts.DirectoryRegion(CreateTestProbe().Ref, view, Deadline) : null,
        };
        var probe = _mailboxTold.Ref;
        var settings = new AccountEntitySettings(
            _ => TestCluster.Unused("gates"),
            account => Props.Create(() => new MailboxSpy(MailboxActor.PropsFor(mailbox, account), probe)),
            (account, id) => DeviceActor.PropsFor(device with { Mailboxes = new MailboxRegion(_shard) }, account, id))
        {
            Counts = _counts,
            Deadlines = _wheel,
            Metrics = metrics,
            Clock = _clock,
            EmptyLinger = TimeSpan.FromHours(1),
            Logger = _log,
        };
        Sys.ActorOf(ChildLetterReturner.PropsFor(Eas.Actors.Tests.TestKit.FakeShard.Region(Sys), _log, metrics), ChildLetterReturner.Name);
        _shard = Sys.ActorOf(Props.Create(() => new FakeShard(AccountEntityActor.PropsFor("mike@ox.io", settings))));
    }

    /// <summary>The phone's folders and its inbox synced to the end: a Ping then finds nothing new and parks. Returns the inbox's SyncKey.</summary>
    private async Task<string> SyncedAsync()
    {
        var folders = await Devices.ExecuteAsync(Request(EasCommand.FolderSync, new FolderSyncRequest("0")), Deadline, default);
        folders.ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<FolderSyncResponse>().Status.ShouldBe(FolderSyncStatus.Success);
        var key = "0";
        for (var round = 0; round < 3; round++) key = (await SyncAsync(key)).SyncKey!;
        return key;
    }

    private async Task<SyncCollectionResponse> SyncAsync(string syncKey)
    {
        var body = new SyncRequest { Collections = [new SyncCollectionRequest(syncKey, Inbox) { WindowSize = 100 }] };
        var outcome = await Devices.ExecuteAsync(Request(EasCommand.Sync, body), Deadline, default);
        return ((SyncResponse)outcome.ShouldBeOfType<RespondWith>().Response).Collections.ShouldHaveSingleItem();
    }

    /// <summary>The mail server reports a change in <paramref name="folder"/> (webhook push).</summary>
    private void Report(string folder) =>
        _shard.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Mailbox, new MailboxChangesReported([folder], _clock.GetUtcNow())));

    private static DeviceRequest Ping() =>
        Request(EasCommand.Ping, new PingRequest { HeartbeatInterval = Heartbeat, Folders = [new PingFolder(Inbox, "Email")] });

    private static DeviceRequest Request(EasCommand command, object? body) =>
        PhoneRequests.For(command, body) with { Credentials = new MailCredentials("mike@ox.io", "secret") };

    /// <summary>Stands in for the shard: parents the entity and forwards everything to it.</summary>
    private sealed class FakeShard : ReceiveActor
    {
        public FakeShard(Props entity)
        {
            var child = Context.ActorOf(entity, "entity");
            Receive<Passivate>(_ => { });
            ReceiveAny(message => child.Forward(message));
        }
    }

    /// <summary>The real mailbox behind a spy that tells a probe every <see cref="UnwatchFolders"/> it is sent.</summary>
    private sealed class MailboxSpy : ReceiveActor
    {
        public MailboxSpy(Props mailbox, IActorRef probe)
        {
            var inner = Context.ActorOf(mailbox, "inner");
            ReceiveAny(message =>
            {
                if (Sender.Equals(inner))
                {
                    Context.Parent.Tell(message, Self);
                    return;
                }

                if (message is UnwatchFolders) probe.Tell(message);
                inner.Forward(message);
            });
        }
    }
}
