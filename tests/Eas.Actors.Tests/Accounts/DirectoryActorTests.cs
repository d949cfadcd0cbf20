using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.Support;
using Eas.Actors.Tests.TestKit;

namespace Eas.Actors.Tests.Accounts;

/// <summary>The directory singleton on a real cluster of one with its journal in SQLite.</summary>
public sealed class DirectoryActorTests : IAsyncLifetime
{
    private static readonly FeatureSettings NoPim = new(Pim: false);

    private readonly ScratchDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private TestCluster? _cluster;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Changes_are_published_to_the_view_and_recovered_after_a_restart_from_snapshot_and_events()
    {
        var directory = await StartAsync();
        await directory.ChangeAsync(new SetServiceEnabled(false), "admin:root");
        await directory.ChangeAsync(new SetDomainDefaults("OX.io", NoPim), "admin:root");
        await directory.ChangeAsync(new SetAccountClass("Staff", new FeatureSettings(Email: false)), "admin:ann");
        await Eventually.True(() => _cluster!.View.Current?.Classes.ContainsKey("staff") == true, "pub-sub brought the last change to the view");
        await StopAsync();

        await StartAsync();

        // A second cluster in the same process forms, elects the singleton's node and recovers it: slow on a loaded machine.
        await Eventually.True(() => _cluster!.View.Current is not null, "the recovered directory was published", TimeSpan.FromSeconds(45));
        var recovered = _cluster!.View.Current!;
        recovered.ServiceEnabled.ShouldBeFalse();
        recovered.Domains.Keys.ShouldBe(["ox.io"]);
        recovered.Domains["ox.io"].ShouldBe(NoPim);
        recovered.Classes["staff"].ShouldBe(new FeatureSettings(Email: false));
        recovered.Domains.KeyComparer.ShouldBe(StringComparer.Ordinal, "the snapshot is read back with ordinal names");
    }

    [Fact]
    public async Task A_change_that_changes_nothing_writes_nothing_and_a_blank_name_fails_only_its_own_ask()
    {
        var directory = await StartAsync();
        await directory.ChangeAsync(new SetServiceEnabled(true), "admin:root");
        await directory.ChangeAsync(new SetDomainDefaults("gone.io", null), "admin:root");

        await Should.ThrowAsync<ArgumentException>(() => directory.ChangeAsync(new SetDomainDefaults(" ", NoPim), "admin:root"));
        var changed = await directory.ChangeAsync(new SetDomainDefaults("ox.io", NoPim), "admin:root");

        changed.Domains.Keys.ShouldBe(["ox.io"]);
        var audit = await ReadAuditAsync(expected: 1);
        audit.Select(e => e.Change).ShouldBe(["directory.SetDomainDefaults"]);
    }

    [Fact]
    public async Task An_admin_action_is_durable_before_the_record_returns_and_is_an_audit_entry_of_its_own()
    {
        var directory = await StartAsync();

        await directory.RecordAsync("diagnostics.trace", new { TraceUsers = new[] { "mike@ox.io" }, TraceDevices = Array.Empty<string>() }, "admin:root");

        var entry = (await ReadAuditAsync(expected: 1)).ShouldHaveSingleItem();
        (entry.Change, entry.By, entry.At).ShouldBe(("diagnostics.trace", "admin:root", _clock.GetUtcNow()));
        entry.Details.GetProperty("traceUsers")[0].GetString().ShouldBe("mike@ox.io");
        (await directory.CurrentAsync()).ShouldBe(DirectoryState.Default);
    }

    private async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(int expected)
    {
        var reader = new AuditReader(_cluster!.System);
        IReadOnlyList<AuditRecord> entries = [];
        await Eventually.TrueAsync(async () => (entries = await reader.ReadAsync(0, 100)).Count >= expected, $"{expected} audit entries are readable");
        return entries;
    }

    private async Task<DirectoryRegion> StartAsync()
    {
        _cluster = await TestCluster.StartAsync(
            new LicenseActorSettings(LicenseTerms.Trial) { Clock = _clock },
            new DirectoryActorSettings { Clock = _clock, SnapshotEvery = 2 },
            _ => new AccountEntitySettings(_ => TestCluster.Unused("gates"), _ => TestCluster.Unused("mailboxes"), (_, _) => TestCluster.Unused("devices")),
            new JournalOptions { DataDirectory = _directory.Path });
        return _cluster.Access.Directory;
    }

    private async Task StopAsync()
    {
        await _cluster!.DisposeAsync();
        _cluster = null;
    }
}
