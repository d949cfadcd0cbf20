using Akka.Actor;
using Akka.Persistence;
using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Lists;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.Support;
using Eas.Actors.Tests.TestKit;
using static Eas.Actors.Tests.Devices.Lists.DeviceListSamples;

namespace Eas.Actors.Tests.Devices.Lists;

/// <summary>The device list index singleton on a real cluster of one with its journal in SQLite.</summary>
public sealed class DeviceListIndexActorTests : IAsyncLifetime
{
    private readonly ScratchDirectory _directory = new();
    private TestCluster? _cluster;
    private int _deviceStarts;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task An_index_rebuilt_from_its_snapshot_and_events_holds_the_same_devices()
    {
        var index = await StartAsync();
        index.Note("mike@ox.io", "Phone1", Quarantined("mike@ox.io", "Phone1"));
        index.Note("mike@ox.io", "Phone2", WipePending("mike@ox.io", "Phone2"));
        index.Note("anna@ox.io", "Phone3", Quarantined("anna@ox.io", "Phone3"));
        index.Note("anna@ox.io", "Phone3", Approved("anna@ox.io", "Phone3"));
        index.Note("anna@ox.io", "Phone4", Quarantined("anna@ox.io", "Phone4"));
        index.Note("anna@ox.io", "Phone4", null);
        index.Note("zed@ox.io", "Phone5", Seen("zed@ox.io", "Phone5"));
        var before = Shown(await index.ReadAsync());
        await StopAsync();

        var after = Shown(await (await StartAsync()).ReadAsync());

        before.Select(d => d.Split(' ')[0]).ShouldBe(["mike@ox.io/Phone1", "mike@ox.io/Phone2"]);
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Listing_the_quarantined_and_wipe_pending_devices_starts_no_device_even_with_devices_in_the_journal()
    {
        var index = await StartAsync();
        await WriteDeviceStreamAsync("mike@ox.io", "Phone1");
        await WriteDeviceStreamAsync("zed@ox.io", "Idle9");
        index.Note("mike@ox.io", "Phone1", Quarantined("mike@ox.io", "Phone1"));
        index.Note("anna@ox.io", "Phone2", WipePending("anna@ox.io", "Phone2"));
        var listing = new DeviceListing(_cluster!.System, new DeviceRegion(_cluster.Accounts), index);

        var quarantined = await listing.ListWhereAsync(DeviceListing.Quarantined);
        var wipePending = await listing.ListWhereAsync(DeviceListing.WipePending);

        quarantined.Select(r => r.State!.DeviceId).ShouldBe(["Phone1"]);
        wipePending.Select(r => r.State!.DeviceId).ShouldBe(["Phone2"]);
        _deviceStarts.ShouldBe(0, "the lists are read from the index, not from the devices");
    }

    private static string[] Shown(IReadOnlyList<DeviceState> devices) =>
        [.. devices.Select(d => $"{d.AccountId}/{d.DeviceId} {d.Access?.Level} {d.AccessDecision} {d.RemoteWipe?.RequestedAt:o} {d.LastSeen:o} {d.DeviceType}")];

    /// <summary>Writes a device's first event to its stream, as a device that was once seen leaves it in the journal.</summary>
    private async Task WriteDeviceStreamAsync(string account, string device)
    {
        var writer = _cluster!.System.ActorOf(Props.Create(() => new JournalStreamWriter(PersistenceIds.Device(account, device), new DeviceFirstSeen(Noon, account, device))));
        (await writer.Ask<string>("write", TimeSpan.FromSeconds(30))).ShouldBe("written");
    }

    private async Task<DeviceListIndex> StartAsync()
    {
        _cluster = await TestCluster.StartAsync(
            new LicenseActorSettings(LicenseTerms.Trial),
            new DirectoryActorSettings(),
            _ => new AccountEntitySettings(_ => TestCluster.Unused("gates"), _ => TestCluster.Unused("mailboxes"), (_, _) =>
            {
                Interlocked.Increment(ref _deviceStarts);
                return TestCluster.Unused("devices");
            }),
            new JournalOptions { DataDirectory = _directory.Path },
            new DeviceListIndexSettings { SnapshotEvery = 2 });
        return _cluster.DeviceLists;
    }

    private async Task StopAsync()
    {
        await _cluster!.DisposeAsync();
        _cluster = null;
    }

    private sealed class JournalStreamWriter : ReceivePersistentActor
    {
        private readonly string _persistenceId;

        public JournalStreamWriter(string persistenceId, IPersistedMessage first)
        {
            _persistenceId = persistenceId;
            Command<string>(write =>
            {
                var replyTo = Sender;
                Persist(first, written => replyTo.Tell("written"));
            });
        }

        public override string PersistenceId => _persistenceId;
    }
}
