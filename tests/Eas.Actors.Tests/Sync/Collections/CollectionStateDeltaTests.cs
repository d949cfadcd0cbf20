using System.Collections.Immutable;
using System.Text.Json;
using Akka.Actor;
using Akka.Actor.Setup;
using Eas.Actors.Devices;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Collections;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Tests.Sync.Collections;

/// <summary>
/// The delta a device journals for a folder per Sync window: on the state it was taken against it gives the new
/// state exactly, through the journal's serializer too, and its size is the window's, not the folder's.
/// </summary>
public sealed class CollectionStateDeltaTests : Akka.TestKit.Xunit2.TestKit
{
    private const int Cases = 500;
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MessageFlags[] SyncedFlags = [MessageFlags.None, MessageFlags.Seen, MessageFlags.Flagged, MessageFlags.Seen | MessageFlags.Flagged];

    public CollectionStateDeltaTests()
        : base(JsonManifestSetup.Empty.WithDeviceManifests().And(BootstrapSetup.Create().WithConfig(JsonManifestSerializer.Bindings)))
    {
    }

    private JsonManifestSerializer Serializer => (JsonManifestSerializer)Sys.Serialization.FindSerializerForType(typeof(CollectionStateAdvanced));

    [Fact]
    public void Applied_to_the_saved_state_the_delta_gives_the_next_state_for_random_pairs()
    {
        var random = new Random(4711);
        var (replaced, reshaped, itemsRemoved) = (0, 0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var (saved, next) = RandomPair(random);

            var delta = CollectionStateDelta.Between(saved, next).ShouldNotBeNull();

            ShouldBeSame(delta.ApplyTo(saved), next, $"case {i}");
            replaced += delta.PendingAddsReplaced is null ? 0 : 1;
            reshaped += !delta.PendingAddsRemoved.IsEmpty && !delta.PendingAddsPrepended.IsEmpty ? 1 : 0;
            itemsRemoved += delta.ItemsRemoved.IsEmpty ? 0 : 1;
        }

        replaced.ShouldBeGreaterThan(0, "some pairs have unrelated pending adds");
        reshaped.ShouldBeGreaterThan(0, "some pairs have pending adds both removed and prepended");
        itemsRemoved.ShouldBeGreaterThan(0, "some pairs drop held items");
    }

    [Fact]
    public void The_delta_read_back_through_the_journal_serializer_gives_the_same_state()
    {
        var random = new Random(1729);
        for (var i = 0; i < Cases / 5; i++)
        {
            var (saved, next) = RandomPair(random);
            var written = new CollectionStateAdvanced("7", CollectionStateDelta.Between(saved, next)!);

            var read = Serializer.FromBinary(Serializer.ToBinary(written), Serializer.Manifest(written)).ShouldBeOfType<CollectionStateAdvanced>();

            Serializer.Manifest(written).ShouldBe("device.collection-state-advanced.v1");
            read.FolderId.ShouldBe("7");
            ShouldBeSame(read.Delta.ApplyTo(saved), next, $"case {i}");
        }
    }

    [Fact]
    public void Some_random_pairs_carry_a_rollback_and_it_comes_back_whole()
    {
        var random = new Random(2718);
        var carried = 0;
        for (var i = 0; i < Cases / 5; i++)
        {
            var (saved, next) = RandomPair(random);
            var written = new CollectionStateAdvanced("7", CollectionStateDelta.Between(saved, next)!);

            var read = Serializer.FromBinary(Serializer.ToBinary(written), Serializer.Manifest(written)).ShouldBeOfType<CollectionStateAdvanced>();

            carried += next.Rollback is null ? 0 : 1;
            JsonSerializer.Serialize(read.Delta.ApplyTo(saved).Rollback).ShouldBe(JsonSerializer.Serialize(next.Rollback), $"case {i}");
        }

        carried.ShouldBeGreaterThan(0, "windows under a new key keep a rollback");
    }

    [Fact]
    public void Deltas_and_states_journalled_before_rollbacks_existed_read_with_none()
    {
        var (saved, next) = RandomPair(new Random(99));
        next = CollectionSync.Answered(next with { Counter = saved.Counter + 1 }, saved, saved.Counter);
        next.Rollback.ShouldNotBeNull();
        IPersistedMessage[] events = [new CollectionStateAdvanced("7", CollectionStateDelta.Between(saved, next)!), new CollectionStateChanged("7", next)];

        foreach (var written in events)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(Serializer.ToBinary(written))!.AsObject();
            var body = (json["Delta"] ?? json["State"] ?? json["delta"] ?? json["state"])!.AsObject();
            (body.Remove("Rollback") | body.Remove("rollback")).ShouldBeTrue("the record as written carries the rollback");
            var old = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());

            var read = Serializer.FromBinary(old, Serializer.Manifest(written));

            var state = read is CollectionStateAdvanced advanced ? advanced.Delta.ApplyTo(saved) : ((CollectionStateChanged)read).State;
            state.Rollback.ShouldBeNull();
            state.PreviousKey.ShouldBeNull("without a rollback a resent key is not recognised: Status 3, and the phone starts over");
            state.Key.ShouldBe(next.Key);
        }
    }

    [Fact]
    public void No_delta_spans_a_new_epoch_or_uid_validity_and_none_applies_to_another_epoch()
    {
        var saved = RandomState(new Random(3), "e1", 7);
        var next = RandomState(new Random(4), "e1", 7);

        CollectionStateDelta.Between(saved, next with { Epoch = "e2" }).ShouldBeNull();
        CollectionStateDelta.Between(saved, next with { UidValidity = 8 }).ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => CollectionStateDelta.Between(saved, next)!.ApplyTo(saved with { Epoch = "e0" }));
    }

    [Fact]
    public void Unchanged_collections_are_carried_as_nothing()
    {
        var saved = RandomState(new Random(5), "e1", 7);

        var delta = CollectionStateDelta.Between(saved, saved with { Counter = saved.Counter + 1, Sent = SyncPlan.Empty })!;

        delta.ItemsUpserted.ShouldBeEmpty();
        delta.ItemsRemoved.ShouldBeEmpty();
        delta.PendingAddsRemoved.ShouldBeEmpty();
        delta.PendingAddsPrepended.ShouldBeEmpty();
        delta.PendingAddsReplaced.ShouldBeNull();
        delta.PendingChangesUpserted.ShouldBeEmpty();
        delta.PendingDeletesAdded.ShouldBeEmpty();
        delta.ApplyTo(saved).Items.ShouldBeSameAs(saved.Items);
    }

    [Fact]
    public void A_window_of_100_over_a_folder_of_10000_is_journalled_in_a_few_kilobytes_instead_of_the_whole_folder()
    {
        var folder = Enumerable.Range(1, 20_000).Select(uid => new MessageInfo((uint)uid, MessageFlags.Seen, T0.AddMinutes(uid))).ToImmutableArray();
        var state = CollectionSync.Absorb(CollectionSync.Start("e1", 0, 0), new FolderListing(7, 100, folder, [], false), null);
        for (var window = 0; window < 100; window++) state = CollectionSync.Confirm(Deliver(state, 100));
        var saved = Deliver(state, 100);
        var next = Deliver(CollectionSync.Confirm(saved), 100);

        var delta = Serializer.ToBinary(new CollectionStateAdvanced("1", CollectionStateDelta.Between(saved, next)!));
        var full = Serializer.ToBinary(new CollectionStateChanged("1", next));

        next.Items.Count.ShouldBe(10_100);
        full.Length.ShouldBeGreaterThan(100_000);
        delta.Length.ShouldBeLessThan(10_000);
    }

    [Fact]
    public void The_delta_from_the_edits_a_command_made_is_the_delta_of_the_whole_walk_in_both_directions()
    {
        var random = new Random(2718);
        var fromEdits = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (saved, next) = RandomPair(random);
            saved = ItemsEdit.Saved(saved);
            fromEdits += ItemsEdit.TouchedBetween(saved, next) is null && PendingAddsTaken.Between(saved, next) is null ? 0 : 1;

            DeltaBytes(CollectionStateDelta.Between(saved, next)).ShouldBe(DeltaBytes(CollectionStateDelta.Between(saved, ItemsEdit.Saved(next))), $"case {i}");
            DeltaBytes(CollectionStateDelta.Between(next, saved)).ShouldBe(DeltaBytes(CollectionStateDelta.Between(ItemsEdit.Saved(next), saved)), $"case {i}, back");
        }

        fromEdits.ShouldBeGreaterThan(Cases / 20, "some pairs are a window or the phone's own commands");
    }

    [Fact]
    public void An_initial_sync_window_is_compared_at_its_own_uids_and_journals_what_the_walk_would()
    {
        var folder = Enumerable.Range(1, 10_000).Select(uid => new MessageInfo((uint)uid, MessageFlags.Seen, T0.AddMinutes(uid))).ToImmutableArray();
        var saved = ItemsEdit.Saved(Deliver(CollectionSync.Absorb(CollectionSync.Start("e1", 0, 0), new FolderListing(7, 100, folder, [], false), null), 100));
        for (var window = 0; window < 10; window++) saved = ItemsEdit.Saved(Deliver(CollectionSync.Confirm(saved), 100));

        // From 1,000 held on, a window of 100 is compared at its UIDs; below a quarter of the map the walk is cheaper.
        for (var window = 10; window < 60; window++)
        {
            var next = Deliver(CollectionSync.Confirm(saved), 100);
            var answered = CollectionSync.Answered(next, saved, saved.Counter);

            ItemsEdit.TouchedBetween(saved, answered).ShouldNotBeNull().Length.ShouldBe(100);
            PendingAddsTaken.Between(saved, answered).ShouldNotBeNull();
            DeltaBytes(answered.Rollback).ShouldBe(DeltaBytes(CollectionStateDelta.Between(ItemsEdit.Saved(next), saved with { Rollback = null })));
            DeltaBytes(CollectionStateDelta.Between(saved, answered)).ShouldBe(DeltaBytes(CollectionStateDelta.Between(saved, ItemsEdit.Saved(answered))));
            saved = ItemsEdit.Saved(answered);
        }

        saved.Items.Count.ShouldBe(60 * 100);
    }

    [Fact]
    public void A_window_after_an_empty_folder_delta_is_still_matched_as_taken_from_the_front_of_the_pending_adds()
    {
        var folder = Enumerable.Range(1, 2_000).Select(uid => new MessageInfo((uint)uid, MessageFlags.Seen, T0.AddMinutes(uid))).ToImmutableArray();
        var saved = ItemsEdit.Saved(Deliver(CollectionSync.Absorb(CollectionSync.Start("e1", 0, 0), new FolderListing(7, 100, folder, [], false), null), 100));
        var unchanged = new FolderListing(7, 100, [], [], IsDelta: true);

        // As the runner takes a window: confirm, take in the folder's (empty) MODSEQ delta, cut the window.
        var absorbed = CollectionSync.Absorb(CollectionSync.Confirm(saved), unchanged, null);
        var next = Deliver(absorbed, 100);
        var answered = CollectionSync.Answered(next, saved, saved.Counter);

        absorbed.PendingAdds.ShouldBeSameAs(saved.PendingAdds);
        PendingAddsTaken.Between(saved, answered).ShouldNotBeNull();
        DeltaBytes(CollectionStateDelta.Between(saved, answered)).ShouldBe(DeltaBytes(CollectionStateDelta.Between(saved, ItemsEdit.Saved(answered))));
        DeltaBytes(answered.Rollback).ShouldBe(DeltaBytes(CollectionStateDelta.Between(ItemsEdit.Saved(next), saved with { Rollback = null })));
    }

    private string DeltaBytes(CollectionStateDelta? delta) =>
        delta is null ? "none" : Convert.ToBase64String(Serializer.ToBinary(new CollectionStateAdvanced("1", delta)));

    /// <summary>Cuts a window and sends it as the runner does: the adds arrive with the flags they have.</summary>
    private static CollectionSyncState Deliver(CollectionSyncState state, int window)
    {
        var (next, plan, _) = CollectionSync.NextWindow(state, window, forceNewKey: false);
        return next with { Sent = plan with { AddedFlags = [.. plan.Adds.Select(uid => KeyValuePair.Create(uid, MessageFlags.Seen))] } };
    }

    /// <summary>A state and one of its successors under the same epoch: one to three edits, realistic or not.</summary>
    private static (CollectionSyncState Saved, CollectionSyncState Next) RandomPair(Random random)
    {
        var saved = RandomState(random, "e1", 7);
        var next = saved;
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            next = random.Next(7) switch
            {
                0 => Window(random, next),
                1 => MailArrived(random, next),
                2 => Relisted(random, next),
                3 => ClientActed(random, next),
                4 => Edited(random, next),
                5 => RandomState(random, next.Epoch, next.UidValidity),
                _ => next,
            };
        }

        return (saved, next);
    }

    private static CollectionSyncState RandomState(Random random, string epoch, uint uidValidity)
    {
        var pool = Enumerable.Range(1, 2000).Select(uid => (uint)uid).OrderBy(_ => random.Next()).Take(random.Next(0, 400)).ToArray();
        var held = pool.Take(random.Next(pool.Length + 1)).ToArray();
        var waiting = pool.Skip(held.Length);
        return new CollectionSyncState
        {
            Epoch = epoch,
            Counter = random.Next(1, 50),
            UidValidity = uidValidity,
            ModSeq = (ulong)random.Next(1, 1000),
            FilterType = random.Next(0, 8),
            Items = held.ToImmutableSortedDictionary(uid => uid, _ => RandomFlags(random)),
            PendingAdds = [.. random.Next(4) == 0 ? waiting : waiting.OrderByDescending(uid => uid)],
            PendingChanges = held.Where(_ => random.Next(5) == 0).ToImmutableSortedDictionary(uid => uid, _ => RandomFlags(random)),
            PendingDeletes = [.. held.Where(_ => random.Next(8) == 0)],
            Options = RandomOptions(random),
            Sent = random.Next(3) == 0 ? null : Plan(random, [.. held.Concat(waiting).Where(_ => random.Next(10) == 0)]),
        };
    }

    /// <summary>The phone sent the key: what it holds is confirmed and the next window is cut.</summary>
    private static CollectionSyncState Window(Random random, CollectionSyncState state)
    {
        var (next, plan, _) = CollectionSync.NextWindow(CollectionSync.Confirm(state), random.Next(1, 120), forceNewKey: random.Next(2) == 0);
        next = next.Sent is null ? next : next with { Sent = plan with { AddedFlags = [.. plan.Adds.Select(uid => KeyValuePair.Create(uid, RandomFlags(random)))] } };
        return CollectionSync.Answered(next, state, state.Counter);
    }

    /// <summary>A CONDSTORE delta: new mail, flag changes and deletions of held and pending messages, expunges.</summary>
    private static CollectionSyncState MailArrived(Random random, CollectionSyncState state)
    {
        var top = Known(state).DefaultIfEmpty().Max();
        var fresh = Enumerable.Range(1, random.Next(0, 30)).Select(i => new MessageInfo(top + (uint)i, RandomFlags(random), T0.AddMinutes(top + i)));
        var touched = Known(state).Where(_ => random.Next(10) == 0).Select(uid => new MessageInfo(uid, random.Next(4) == 0 ? MessageFlags.Deleted : RandomFlags(random), T0.AddMinutes(uid)));
        var vanished = Known(state).Where(_ => random.Next(15) == 0);
        return CollectionSync.Absorb(state, new FolderListing(state.UidValidity, state.ModSeq + 7, [.. fresh, .. touched], [.. vanished], true), null);
    }

    /// <summary>A full listing (a new filter): some messages gone, some new, flags as they are now.</summary>
    private static CollectionSyncState Relisted(Random random, CollectionSyncState state)
    {
        var top = Known(state).DefaultIfEmpty().Max();
        var present = Known(state).Where(_ => random.Next(6) != 0).Concat(Enumerable.Range(1, random.Next(0, 20)).Select(i => top + (uint)i));
        var listing = present.Select(uid => new MessageInfo(uid, RandomFlags(random), T0.AddMinutes(random.Next(0, 5000)))).ToImmutableArray();
        return CollectionSync.Absorb(state with { FilterType = random.Next(0, 8) }, new FolderListing(state.UidValidity, state.ModSeq + 11, listing, [], false), null);
    }

    /// <summary>The phone's own commands: deleting or moving away, reading or flagging, moving a message in.</summary>
    private static CollectionSyncState ClientActed(Random random, CollectionSyncState state)
    {
        var known = Known(state).ToArray();
        foreach (var uid in known.Where(_ => random.Next(12) == 0))
        {
            state = random.Next(3) switch
            {
                0 => CollectionSync.ClientDeleted(state, uid),
                1 => CollectionSync.ClientChanged(state, uid, RandomFlags(random)),
                _ => MovedIn(state, uid, RandomFlags(random)),
            };
        }

        return MovedIn(state, known.DefaultIfEmpty().Max() + 1, RandomFlags(random));
    }

    /// <summary>A message the phone holds without a window bringing it (as MoveItems once recorded).</summary>
    private static CollectionSyncState MovedIn(CollectionSyncState state, uint uid, MessageFlags flags) =>
        state with { Items = state.Items.SetItem(uid, flags & CollectionSync.Synced), PendingAdds = state.PendingAdds.Remove(uid) };

    /// <summary>Edits by hand: a window taken into the items, new UIDs in front, some dropped, flags and scalars changed.</summary>
    private static CollectionSyncState Edited(Random random, CollectionSyncState state)
    {
        var taken = state.PendingAdds.Take(random.Next(0, 100)).ToArray();
        var top = Known(state).DefaultIfEmpty().Max();
        var items = state.Items.SetItems(taken.Select(uid => KeyValuePair.Create(uid, RandomFlags(random))));
        items = items.SetItems(items.Where(_ => random.Next(10) == 0).Select(pair => KeyValuePair.Create(pair.Key, RandomFlags(random))));
        items = items.RemoveRange(items.Keys.Where(_ => random.Next(20) == 0).ToArray());
        var adds = state.PendingAdds.RemoveRange(0, taken.Length).RemoveAll(_ => random.Next(10) == 0).InsertRange(0, Enumerable.Range(1, random.Next(0, 10)).Select(i => top + (uint)i).Reverse());
        return state with
        {
            Items = items,
            PendingAdds = adds,
            PendingChanges = state.PendingChanges.Remove(state.PendingChanges.Keys.FirstOrDefault()),
            PendingDeletes = random.Next(2) == 0 ? state.PendingDeletes : state.PendingDeletes.Add(top + 100),
            Counter = state.Counter + 1,
            ModSeq = state.ModSeq + (ulong)random.Next(0, 3),
            Options = random.Next(3) == 0 ? RandomOptions(random) : state.Options,
            Sent = Plan(random, [.. taken]),
        };
    }

    /// <summary>Every UID the state mentions, so that new mail gets UIDs above them all.</summary>
    private static IEnumerable<uint> Known(CollectionSyncState state) =>
        state.Items.Keys.Concat(state.PendingAdds).Concat(state.PendingDeletes).Concat(state.Sent?.Adds ?? []).Distinct();

    private static MessageFlags RandomFlags(Random random) => SyncedFlags[random.Next(SyncedFlags.Length)];

    private static SyncOptions? RandomOptions(Random random) =>
        random.Next(3) == 0 ? null : new SyncOptions { FilterType = (SyncFilterType)random.Next(0, 8), MimeSupport = SyncMimeSupport.Never, BodyPreferences = [new BodyPreference(BodyType.PlainText) { TruncationSize = random.Next(100, 5000) }] };

    private static SyncPlan Plan(Random random, ImmutableArray<uint> uids) => new(
        uids,
        [.. uids.Where(_ => random.Next(3) == 0).Select(uid => KeyValuePair.Create(uid, RandomFlags(random)))],
        [.. uids.Where(_ => random.Next(5) == 0)],
        [.. uids.Select(uid => KeyValuePair.Create(uid, RandomFlags(random)))]);

    /// <summary>Every member equal, collections by content and in order.</summary>
    private static void ShouldBeSame(CollectionSyncState actual, CollectionSyncState expected, string because)
    {
        (actual.Epoch, actual.Counter, actual.UidValidity, actual.ModSeq, actual.FilterType).ShouldBe((expected.Epoch, expected.Counter, expected.UidValidity, expected.ModSeq, expected.FilterType), because);
        actual.Items.ShouldBe(expected.Items, because);
        actual.PendingAdds.ShouldBe(expected.PendingAdds, because);
        actual.PendingChanges.ShouldBe(expected.PendingChanges, because);
        actual.PendingDeletes.ShouldBe(expected.PendingDeletes, because);
        JsonSerializer.Serialize(actual.Options).ShouldBe(JsonSerializer.Serialize(expected.Options), because);
        JsonSerializer.Serialize(actual.Sent).ShouldBe(JsonSerializer.Serialize(expected.Sent), because);
        JsonSerializer.Serialize(actual.Rollback).ShouldBe(JsonSerializer.Serialize(expected.Rollback), because);
    }
}
