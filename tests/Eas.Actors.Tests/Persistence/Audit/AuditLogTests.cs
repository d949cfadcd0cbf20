using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.Support;
using Eas.Actors.Tests.TestKit;

namespace Eas.Actors.Tests.Persistence.Audit;

/// <summary>The license's and the directory's events as the audit log shows them, on a real cluster of one with its journal in SQLite.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
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
    public async Task License_decisions_directory_changes_and_admin_actions_are_entries_with_who_and_when_even_behind_snapshots()
    {
        _cluster = await TestCluster.StartAsync(
            new LicenseActorSettings(LicenseTerms.Licensed(1, "configuration")) { Clock = _clock, SnapshotEvery = 2 },
            new DirectoryActorSettings { Clock = _clock, SnapshotEvery = 2 },
            _ => new AccountEntitySettings(_ => TestCluster.Unused("gates"), _ => TestCluster.Unused("mailboxes"), (_, _) => TestCluster.Unused("devices")),
            new JournalOptions { DataDirectory = _directory.Path });
        var (license, directory) = (_cluster.Access.License, _cluster.Access.Directory);
        var start = _clock.GetUtcNow();
        await license.ClaimAsync("a@x");
        await license.ClaimAsync("b@x");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await directory.ChangeAsync(new SetServiceEnabled(false), "admin:root");
        await directory.RecordAsync("diagnostics.trace", new { TraceDevices = new[] { "phone1" } }, "admin:ann");
        await directory.ChangeAsync(new SetDomainDefaults("ox.io", new FeatureSettings(Email: false)), "admin:root");
        await license.ReleaseAsync("a@x", "admin:root");
        var reader = new AuditReader(_cluster.System);

        IReadOnlyList<AuditRecord> entries = [];
        await Eventually.TrueAsync(async () => (entries = await reader.ReadAsync(0, 100)).Count >= 7, "all seven entries are readable");

        entries.Select(e => (e.Change, e.By)).ShouldBe(
        [
            ("license.first_start", "license"),
            ("license.slot_granted", "license"),
            ("license.account_turned_off", "license"),
            ("directory.SetServiceEnabled", "admin:root"),
            ("diagnostics.trace", "admin:ann"),
            ("directory.SetDomainDefaults", "admin:root"),
            ("license.slot_released", "admin:root"),
        ]);
        entries.Take(3).ShouldAllBe(e => e.At == start);
        entries.Skip(3).ShouldAllBe(e => e.At == start.AddMinutes(1));
        entries[1].Details.GetProperty("accountId").GetString().ShouldBe("a@x");
        entries[3].Details.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        entries[4].Details.GetProperty("traceDevices")[0].GetString().ShouldBe("phone1");
        entries[5].Details.GetProperty("domain").GetString().ShouldBe("ox.io");
        entries[6].Details.GetProperty("accountId").GetString().ShouldBe("a@x");
        entries.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        (await reader.ReadAsync(entries[4].Sequence, 1)).ShouldHaveSingleItem().Change.ShouldBe("directory.SetDomainDefaults");
    }
}
