using System.Diagnostics.Metrics;
using System.Text;
using Eas.Actors.Persistence;
using Eas.Actors.Tests.TestKit;
using Microsoft.Data.Sqlite;

namespace Eas.Actors.Tests.Persistence;

public sealed class SqliteStateStoreTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly Meter _meter = new("Eas.Server.Test");
    private readonly MetricsRecorder _metrics;
    private SqliteStateStore _store = null!;

    public SqliteStateStoreTests() => _metrics = new MetricsRecorder(_meter);

    public Task InitializeAsync()
    {
        _store = Open(busyTimeoutMs: 5_000);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _metrics.Dispose();
        _meter.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_saved_state_loads_back_with_its_version()
    {
        (await _store.LoadAsync("device", "alice/phone1")).ShouldBeNull();

        var v1 = await _store.SaveAsync("device", "alice/phone1", 0, Bytes("one"));
        var v2 = await _store.SaveAsync("device", "alice/phone1", v1, Bytes("two"));

        v1.ShouldBe(1);
        v2.ShouldBe(2);
        var loaded = await _store.LoadAsync("device", "alice/phone1");
        loaded.ShouldNotBeNull();
        loaded.Version.ShouldBe(2);
        Text(loaded.Data).ShouldBe("two");
        _metrics.Values("eas.persistence.write.duration").Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_is_written()
    {
        await _store.SaveAsync("device", "d", 0, Bytes("one"));
        await _store.SaveAsync("device", "d", 1, Bytes("two"));

        var conflict = await Should.ThrowAsync<VersionConflictException>(_store.SaveAsync("device", "d", 1, Bytes("stale")));
        await Should.ThrowAsync<VersionConflictException>(_store.SaveAsync("device", "d", 0, Bytes("again")));

        conflict.ExpectedVersion.ShouldBe(1);
        conflict.ActualVersion.ShouldBe(2);
        Text((await _store.LoadAsync("device", "d"))!.Data).ShouldBe("two");
        _metrics.Sum("eas.persistence.version_conflicts", "device").ShouldBe(2);
    }

    [Fact]
    public async Task Of_two_writers_racing_from_the_same_version_exactly_one_wins()
    {
        for (var round = 0; round < 20; round++)
        {
            var id = "race" + round;
            await _store.SaveAsync("device", id, 0, Bytes("base"));
            await using var other = Open(busyTimeoutMs: 5_000);

            var first = Task.Run(() => _store.SaveAsync("device", id, 1, Bytes("first")));
            var second = Task.Run(() => other.SaveAsync("device", id, 1, Bytes("second")));
            var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

            outcomes.Count(o => o == "won").ShouldBe(1);
            outcomes.Count(o => o == "conflict").ShouldBe(1);
            (await _store.LoadAsync("device", id))!.Version.ShouldBe(2);
        }
    }

    [Fact]
    public async Task A_deleted_state_is_gone_and_its_versions_never_repeat()
    {
        await _store.SaveAsync("device", "d", 0, Bytes("one"));
        await Should.ThrowAsync<VersionConflictException>(_store.DeleteAsync("device", "d", 2));

        await _store.DeleteAsync("device", "d", 1);

        (await _store.LoadAsync("device", "d")).ShouldBeNull();
        (await _store.ListIdsAsync("device", "")).ShouldBeEmpty();
        var recreated = await _store.SaveAsync("device", "d", 0, Bytes("again"));
        recreated.ShouldBe(3);
        await Should.ThrowAsync<VersionConflictException>(_store.SaveAsync("device", "d", 1, Bytes("from before the delete")));
    }

    [Fact]
    public async Task Ids_are_listed_by_kind_and_exact_prefix()
    {
        foreach (var id in new[] { "alice/phone", "alice/tablet", "alicia/phone", "bob/phone", "a*b/x", "a?c/y" })
        {
            await _store.SaveAsync("device", id, 0, Bytes(id));
        }

        await _store.SaveAsync("mailbox", "alice", 0, Bytes("m"));

        (await _store.ListIdsAsync("device", "alice/")).ShouldBe(["alice/phone", "alice/tablet"]);
        (await _store.ListIdsAsync("device", "a*")).ShouldBe(["a*b/x"]);
        (await _store.ListIdsAsync("device", "a?")).ShouldBe(["a?c/y"]);
        (await _store.ListIdsAsync("device", "ALICE")).ShouldBeEmpty();
        (await _store.ListIdsAsync("mailbox", "")).ShouldBe(["alice"]);
    }

    [Fact]
    public async Task Events_are_appended_and_read_back_in_order()
    {
        var at = new DateTimeOffset(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);
        var first = await _store.AppendEventAsync("license", "cluster", "AccountAdmitted", Bytes("alice"), "system", at);
        var second = await _store.AppendEventAsync("license", "cluster", "SlotFreed", Bytes("alice"), "admin:root", at.AddMinutes(1));
        await _store.AppendEventAsync("license", "other", "AccountAdmitted", Bytes("bob"), "system", at);

        var events = await _store.ReadEventsAsync("license", "cluster");
        var after = await _store.ReadEventsAsync("license", "cluster", afterSequence: first);

        second.ShouldBeGreaterThan(first);
        events.Select(e => e.EventType).ShouldBe(["AccountAdmitted", "SlotFreed"]);
        events[1].Actor.ShouldBe("admin:root");
        events[1].Timestamp.ShouldBe(at.AddMinutes(1));
        Text(events[0].Data).ShouldBe("alice");
        after.Select(e => e.Sequence).ShouldBe([second]);
    }

    [Fact]
    public async Task State_and_events_survive_reopening_the_file()
    {
        await _store.SaveAsync("device", "d", 0, Bytes("durable"));
        await _store.AppendEventAsync("device", "d", "Provisioned", Bytes("{}"), "alice", DateTimeOffset.UnixEpoch);
        await _store.DisposeAsync();

        _store = Open();

        (await _store.LoadAsync("device", "d"))!.Version.ShouldBe(1);
        (await _store.ReadEventsAsync("device", "d")).Count.ShouldBe(1);
        (await _store.SaveAsync("device", "d", 1, Bytes("next"))).ShouldBe(2);
    }

    [Fact]
    public async Task A_corrupt_file_surfaces_as_StoreUnavailableException()
    {
        using var other = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(other.Path, "eas-state.db"), new string('x', 8192));

        var error = Should.Throw<StoreUnavailableException>(() => Open(other.Path));

        error.InnerException.ShouldBeOfType<SqliteException>();
    }

    [Fact]
    public async Task A_database_locked_by_another_writer_surfaces_as_StoreUnavailableException()
    {
        await _store.DisposeAsync();
        _store = Open();
        await _store.SaveAsync("device", "d", 0, Bytes("one"));
        using var intruder = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "eas-state.db")};Pooling=False");
        intruder.Open();
        using var begin = intruder.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();

        await Should.ThrowAsync<StoreUnavailableException>(_store.SaveAsync("device", "d", 1, Bytes("two")));

        (await _store.LoadAsync("device", "d"))!.Version.ShouldBe(1);
        using var rollback = intruder.CreateCommand();
        rollback.CommandText = "ROLLBACK";
        rollback.ExecuteNonQuery();
        (await _store.SaveAsync("device", "d", 1, Bytes("two"))).ShouldBe(2);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[] data) => Encoding.UTF8.GetString(data);

    private static async Task<string> Outcome(Task<long> save)
    {
        try
        {
            await save;
            return "won";
        }
        catch (VersionConflictException)
        {
            return "conflict";
        }
    }

    /// <summary>A short busy timeout keeps the locked-file test quick; racing writers get a long one so that
    /// waiting for each other's lock is never mistaken for an outage.</summary>
    private SqliteStateStore Open(string? directory = null, int busyTimeoutMs = 100) => SqliteStateStore.Open(new SqliteStateStoreOptions
    {
        DataDirectory = directory ?? _directory.Path,
        Meter = _meter,
        BusyTimeout = TimeSpan.FromMilliseconds(busyTimeoutMs),
    });
}
