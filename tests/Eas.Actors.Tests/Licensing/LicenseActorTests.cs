using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence;
using Eas.Actors.Tests.TestKit;
using Eas.Actors.Tests.Persistence;
using Shouldly;

namespace Eas.Actors.Tests.Licensing;

/// <summary>The license and directory singletons and the account gates on a real cluster of one, on a real SQLite store.</summary>
public sealed class LicenseActorTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private TestCluster? _cluster;
    private SqliteStateStore _store = null!;

    public Task InitializeAsync()
    {
        _store = SqliteStateStore.Open(new SqliteStateStoreOptions { DataDirectory = _directory.Path, Meter = new System.Diagnostics.Metrics.Meter("Eas.Server.Test") });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>A node whose account entities have only their gate, over <paramref name="store"/>.</summary>
    private async Task<AccessRegions> StartAsync(IStateStore store, LicenseTerms terms)
    {
        var audit = new AuditLog(store);
        var license = new LicenseActorSettings(terms, new JsonEntityStore<LicenseState>(store, LicenseActor.StoreKind), audit) { Clock = _clock };
        var directory = new DirectoryActorSettings(new JsonEntityStore<DirectoryState>(store, DirectoryActor.StoreKind), audit) { Clock = _clock };
        _cluster = await TestCluster.StartAsync(license, directory, cluster =>
        {
            var access = cluster.Access;
            var gate = new AccountActorSettings(new JsonEntityStore<AccountState>(store, AccountActor.StoreKind), access.Directory, access.License, audit) { Clock = _clock };
            return new AccountEntitySettings(id => AccountActor.PropsFor(gate, id), _ => TestCluster.Unused("mailboxes"), (_, _) => TestCluster.Unused("devices"));
        });
        return _cluster.Access;
    }

    [Fact]
    public async Task Concurrent_first_connections_never_take_more_slots_than_licensed()
    {
        var access = await StartAsync(_store, LicenseTerms.Licensed(50, "configuration"));
        var accounts = Enumerable.Range(0, 120).Select(i => $"user{i:D3}@ox.io").ToArray();
        var admissions = await Task.WhenAll(accounts.SelectMany(a => new[] { a, a.ToUpperInvariant() }).Select(a => Task.Run(() => access.Accounts.AdmitAsync(a))));

        admissions.Count(a => a.Allowed).ShouldBe(100, "50 accounts, each admitted for both spellings");
        var status = await access.License.StatusAsync();
        status.Used.ShouldBe(50);
        status.Holders.Count.ShouldBe(50);
        status.TurnedOff.Count.ShouldBe(70);
        var refused = (await access.Accounts.GetAsync(status.TurnedOff[0].AccountId)).Effective.ActiveSync;
        refused.ShouldBe(new EffectiveSetting(false, SettingSource.License));
    }

    [Fact]
    public async Task Slots_survive_a_restart_in_order()
    {
        var first = await StartAsync(_store, LicenseTerms.Licensed(2, "configuration"));
        foreach (var account in new[] { "a@x", "b@x", "c@x" }) await first.Accounts.AdmitAsync(account);
        await _cluster!.DisposeAsync();

        var second = await StartAsync(_store, LicenseTerms.Licensed(2, "configuration"));
        (await second.Accounts.AdmitAsync("c@x")).Refusal.ShouldBe(AccessRefusal.NoLicenseSlot);
        (await second.Accounts.AdmitAsync("d@x")).Refusal.ShouldBe(AccessRefusal.NoLicenseSlot);
        (await second.Accounts.AdmitAsync("b@x")).Allowed.ShouldBeTrue();
        (await second.License.StatusAsync()).Holders.Select(h => h.AccountId).ShouldBe(["a@x", "b@x"]);
    }

    [Fact]
    public async Task Disabling_a_holder_lets_exactly_one_more_in()
    {
        var access = await StartAsync(_store, LicenseTerms.Licensed(1, "configuration"));
        (await access.Accounts.AdmitAsync("a@x")).Allowed.ShouldBeTrue();
        (await access.Accounts.AdmitAsync("b@x")).Allowed.ShouldBeFalse();

        var disabled = await access.Accounts.ChangeAsync("a@x", null, new FeatureSettings(ActiveSync: false), "admin");
        disabled.HoldsSlot.ShouldBeFalse();
        (await access.Accounts.AdmitAsync("a@x")).Refusal.ShouldBe(AccessRefusal.DisabledForAccount);
        (await access.Accounts.AdmitAsync("b@x")).Refusal.ShouldBe(AccessRefusal.NoLicenseSlot, "b stays off until an admin re-enables it");

        await access.Accounts.ChangeAsync("b@x", null, FeatureSettings.Inherit, "admin");
        (await access.Accounts.AdmitAsync("c@x")).Allowed.ShouldBeTrue("the freed slot goes to whoever connects next");
        (await access.Accounts.AdmitAsync("b@x")).Refusal.ShouldBe(AccessRefusal.NoLicenseSlot);
    }

    [Fact]
    public async Task A_store_outage_in_a_first_claim_fails_retriably_and_the_retry_takes_exactly_one_slot()
    {
        var outage = new OutageStore(_store) { Down = true };
        var access = await StartAsync(outage, LicenseTerms.Licensed(1, "configuration"));
        await Should.ThrowAsync<StoreUnavailableException>(() => access.Accounts.AdmitAsync("a@x"));

        outage.DownKind = AccountActor.StoreKind;
        await Should.ThrowAsync<StoreUnavailableException>(() => access.Accounts.AdmitAsync("a@x"));
        (await access.License.StatusAsync()).Holders.Select(h => h.AccountId).ShouldBe(["a@x"], "the license wrote its grant; the account did not");

        outage.Down = false;
        (await access.Accounts.AdmitAsync("a@x")).Allowed.ShouldBeTrue("the retry confirms the slot the license already gave");
        (await access.Accounts.AdmitAsync("b@x")).Refusal.ShouldBe(AccessRefusal.NoLicenseSlot);
        (await access.License.StatusAsync()).Used.ShouldBe(1);
        (await access.Accounts.GetAsync("a@x")).HoldsSlot.ShouldBeTrue();
    }

    [Fact]
    public async Task The_trial_ends_for_everyone_after_30_days_and_the_directory_and_audit_record_changes()
    {
        var access = await StartAsync(_store, LicenseTerms.Trial);
        (await access.Accounts.AdmitAsync("a@x")).Allowed.ShouldBeTrue();
        _clock.Advance(TimeSpan.FromDays(29));
        (await access.Accounts.AdmitAsync("a@x")).Allowed.ShouldBeTrue();
        _clock.Advance(TimeSpan.FromDays(2));
        (await access.Accounts.AdmitAsync("a@x")).Refusal.ShouldBe(AccessRefusal.LicenseExpired);
        (await access.Accounts.AdmitAsync("new@x")).Refusal.ShouldBe(AccessRefusal.LicenseExpired);
        var status = await access.License.StatusAsync();
        status.Expired.ShouldBeTrue();
        status.TrialDaysLeft.ShouldBe(0);

        await access.Directory.ChangeAsync(new SetServiceEnabled(false), "root");
        var audit = await new AuditLog(_store).ReadAsync(0, 100);
        audit.Select(e => e.EventType).ShouldContain("directory.SetServiceEnabled");
        audit.Single(e => e.EventType == "directory.SetServiceEnabled").Actor.ShouldBe("root");
        audit.Select(e => e.EventType).ShouldContain("license.slot_granted");
    }
}
