using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.Support;
using Eas.Actors.Tests.TestKit;

namespace Eas.Actors.Tests.Licensing;

/// <summary>The license singleton on a real cluster of one, its journal in SQLite or in a PostgreSQL that can be stopped.</summary>
public sealed class LicenseActorTests : IAsyncLifetime
{
    private readonly ScratchDirectory _directory = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly List<Func<Task>> _stops = [];
    private TestCluster? _cluster;

    private JournalOptions Sqlite => new() { DataDirectory = _directory.Path };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        foreach (var stop in _stops) await stop();
        _directory.Dispose();
    }

    [Fact]
    public async Task Concurrent_first_claims_never_take_more_slots_than_licensed()
    {
        var license = await StartAsync(LicenseTerms.Licensed(50, "configuration"), Sqlite);
        var accounts = Enumerable.Range(0, 120).Select(i => $"user{i:D3}@ox.io").ToArray();

        var answers = await Task.WhenAll(accounts.SelectMany(a => new[] { a, a }).Select(a => Task.Run(() => license.ClaimAsync(a))));

        answers.Count(a => a is SlotHeld).ShouldBe(100, "50 accounts, each confirmed for both of its devices");
        answers.Count(a => a is NoSlotFree).ShouldBe(140);
        var status = await license.StatusAsync();
        (status.Used, status.Holders.Count, status.TurnedOff.Count).ShouldBe((50, 50, 70));
        status.Holders.Select(h => h.AccountId).Concat(status.TurnedOff.Select(t => t.AccountId)).ShouldBe(accounts, ignoreOrder: true);
    }

    [Fact]
    public async Task Slots_survive_a_restart_of_the_actor_system_in_order()
    {
        var terms = LicenseTerms.Licensed(2, "configuration");
        var first = await StartAsync(terms, Sqlite, snapshotEvery: 2);
        foreach (var account in new[] { "a@x", "b@x", "c@x" }) await first.ClaimAsync(account);
        var before = await first.StatusAsync();
        await StopAsync();
        _clock.Advance(TimeSpan.FromHours(1));

        var second = await StartAsync(terms, Sqlite, snapshotEvery: 2);

        (await second.ClaimAsync("c@x")).ShouldBeOfType<NoSlotFree>();
        (await second.ClaimAsync("d@x")).ShouldBeOfType<NoSlotFree>();
        (await second.ClaimAsync("b@x")).ShouldBeOfType<SlotHeld>();
        var after = await second.StatusAsync();
        after.Holders.ShouldBe(before.Holders);
        after.TurnedOff.Select(t => t.AccountId).ShouldBe(["c@x", "d@x"]);
        after.FirstStart.ShouldBe(before.FirstStart, "the first start is recorded once, not on every start");
    }

    [Fact]
    public async Task Releasing_a_holder_lets_exactly_one_more_in()
    {
        var license = await StartAsync(LicenseTerms.Licensed(1, "configuration"), Sqlite);
        (await license.ClaimAsync("a@x")).ShouldBeOfType<SlotHeld>();
        (await license.ClaimAsync("b@x")).ShouldBeOfType<NoSlotFree>();

        (await license.ReleaseAsync("a@x", "admin:root")).ShouldBeTrue();
        (await license.ReleaseAsync("nobody@x", "admin:root")).ShouldBeFalse();
        var answers = await Task.WhenAll(new[] { "c@x", "d@x", "e@x" }.Select(a => Task.Run(() => license.ClaimAsync(a))));

        answers.Count(a => a is SlotHeld).ShouldBe(1);
        var status = await license.StatusAsync();
        status.Holders.Count.ShouldBe(1);
        status.TurnedOff.Select(t => t.AccountId).ShouldContain("b@x", "b stays off until an admin re-enables it");
    }

    [Fact]
    public async Task The_trial_ends_for_everyone_30_days_after_the_first_start()
    {
        var license = await StartAsync(LicenseTerms.Trial, Sqlite);
        var start = _clock.GetUtcNow();
        (await license.ClaimAsync("a@x")).ShouldBeOfType<SlotHeld>().ValidUntil.ShouldBe(start.AddDays(30));

        _clock.Advance(TimeSpan.FromDays(29));
        (await license.ClaimAsync("a@x")).ShouldBeOfType<SlotHeld>();
        (await license.StatusAsync()).TrialDaysLeft.ShouldBe(1);

        _clock.Advance(TimeSpan.FromDays(2));
        (await license.ClaimAsync("a@x")).ShouldBeOfType<LicenseExpired>().At.ShouldBe(start.AddDays(30));
        (await license.ClaimAsync("new@x")).ShouldBeOfType<LicenseExpired>();
        var status = await license.StatusAsync();
        (status.Expired, status.TrialDaysLeft, status.FirstStart).ShouldBe((true, 0, start));
    }

    [PostgresFact]
    public async Task A_journal_outage_fails_a_claim_as_retriable_and_the_retry_after_it_takes_exactly_one_slot()
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        _stops.Add(postgres.DisposeAsync);
        var license = await StartAsync(LicenseTerms.Licensed(1, "configuration"), new JournalOptions { Provider = JournalProvider.PostgreSql, ConnectionString = postgres.ConnectionString });
        (await license.StatusAsync()).Used.ShouldBe(0);

        await postgres.StopAsync();
        await Should.ThrowAsync<StoreUnavailableException>(() => license.ClaimAsync("a@x"));

        await postgres.StartAsync();
        var retried = await RetryWhileUnavailableAsync(() => license.ClaimAsync("a@x"));

        retried.ShouldBeOfType<SlotHeld>();
        (await license.ClaimAsync("b@x")).ShouldBeOfType<NoSlotFree>();
        var status = await license.StatusAsync();
        status.Holders.Select(h => h.AccountId).ShouldBe(["a@x"]);
        status.Used.ShouldBe(1);
    }

    /// <summary>After an outage the singleton restarts with a backoff; until it has recovered it answers "unavailable".</summary>
    private static async Task<T> RetryWhileUnavailableAsync<T>(Func<Task<T>> attempt)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (StoreUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task<LicenseRegion> StartAsync(LicenseTerms terms, JournalOptions journal, int snapshotEvery = 100)
    {
        _cluster = await TestCluster.StartAsync(
            new LicenseActorSettings(terms) { Clock = _clock, SnapshotEvery = snapshotEvery },
            new DirectoryActorSettings { Clock = _clock },
            _ => new AccountEntitySettings(_ => TestCluster.Unused("gates"), _ => TestCluster.Unused("mailboxes"), (_, _) => TestCluster.Unused("devices")),
            journal);
        return _cluster.Access.License;
    }

    private async Task StopAsync()
    {
        await _cluster!.DisposeAsync();
        _cluster = null;
    }
}
