using System.Collections.Immutable;
using System.Text.Json;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;

namespace Eas.Actors.Tests.Sync.Collections;

public sealed class CollectionSyncTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static MessageInfo Message(uint uid, MessageFlags flags = MessageFlags.None) => new(uid, flags, T0.AddMinutes(uid));

    private static FolderListing Full(ulong modSeq, params MessageInfo[] messages) => new(7, modSeq, [.. messages], [], false);

    private static FolderListing Delta(ulong modSeq, MessageInfo[] changed, uint[]? vanished = null) => new(7, modSeq, [.. changed], [.. vanished ?? []], true);

    /// <summary>Delivers a window as the runner does: the plan's adds arrive with the flags the listing had, and the way back is kept.</summary>
    private static CollectionSyncState Deliver(CollectionSyncState state, int window, out SyncPlan plan, out bool more, MessageFlags addFlags = MessageFlags.None)
    {
        (var next, plan, more) = CollectionSync.NextWindow(state, window, forceNewKey: false);
        var sent = plan with { AddedFlags = [.. plan.Adds.Select(uid => KeyValuePair.Create(uid, addFlags))] };
        return CollectionSync.Answered(next.Sent is null ? next : next with { Sent = sent }, state, state.Counter);
    }

    [Fact]
    public void Keys_match_as_initial_current_resent_or_invalid()
    {
        var state = CollectionSync.Start("e1", 7, 0);
        CollectionSync.Match(state, "0").ShouldBe(KeyMatch.Initial);
        CollectionSync.Match(state, "e1-1").ShouldBe(KeyMatch.Current);
        CollectionSync.Match(state, "e1-2").ShouldBe(KeyMatch.Invalid);
        CollectionSync.Match(null, "e1-1").ShouldBe(KeyMatch.Invalid);

        state = CollectionSync.Absorb(state, Full(10, Message(1)), null);
        state = Deliver(state, 10, out _, out _);
        CollectionSync.Match(state, "e1-2").ShouldBe(KeyMatch.Current);
        CollectionSync.Match(state, "e1-1").ShouldBe(KeyMatch.Resent);
    }

    [Fact]
    public void A_folder_syncs_completely_in_windows_newest_first_without_gaps_or_duplicates()
    {
        var messages = Enumerable.Range(1, 250).Select(i => Message((uint)i)).ToArray();
        var state = CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), Full(500, messages), null);
        var received = new List<uint>();
        bool more;
        var windows = 0;
        do
        {
            state = CollectionSync.Confirm(Deliver(state, 100, out var plan, out more));
            received.AddRange(plan.Adds);
            windows++;
        }
        while (more);

        windows.ShouldBe(3);
        received.Count.ShouldBe(250);
        received.Distinct().Count().ShouldBe(250);
        received[0].ShouldBe(250u);
        received.ShouldBe(received.OrderByDescending(u => u).ToList());
        state.Items.Count.ShouldBe(250);
        state.HasPending.ShouldBeFalse();
    }

    [Fact]
    public void Nothing_is_taken_as_delivered_until_the_phone_sends_the_new_key()
    {
        var state = CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), Full(10, Message(1), Message(2)), null);
        state = Deliver(state, 10, out _, out _);

        state.Items.ShouldBeEmpty();
        state.Sent!.Adds.ShouldBe([2u, 1u]);
        CollectionSync.Confirm(state).Items.Keys.ShouldBe([1u, 2u]);
    }

    [Fact]
    public void Deltas_report_new_mail_flag_changes_and_expunges_once()
    {
        var state = CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), Full(10, Message(1), Message(2), Message(3)), null);
        state = CollectionSync.Confirm(Deliver(state, 10, out _, out _));

        state = CollectionSync.Absorb(state, Delta(20, [Message(2, MessageFlags.Seen), Message(4)], vanished: [3]), null);
        state = Deliver(state, 10, out var plan, out var more);

        plan.Deletes.ShouldBe([3u]);
        plan.Changes.ShouldHaveSingleItem().ShouldBe(KeyValuePair.Create(2u, MessageFlags.Seen));
        plan.Adds.ShouldBe([4u]);
        more.ShouldBeFalse();
        state.ModSeq.ShouldBe(20ul);

        state = CollectionSync.Confirm(state);
        state = CollectionSync.Absorb(state, Delta(21, [Message(2, MessageFlags.Seen)]), null);
        CollectionSync.NextWindow(state, 10, false).Plan.Count.ShouldBe(0);
    }

    [Fact]
    public void A_change_the_phone_made_itself_is_not_echoed_back()
    {
        var state = CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), Full(10, Message(1)), null);
        state = CollectionSync.Confirm(Deliver(state, 10, out _, out _));

        state = CollectionSync.ClientChanged(state, 1, MessageFlags.Seen | MessageFlags.Flagged);
        state = CollectionSync.Absorb(state, Delta(11, [Message(1, MessageFlags.Seen | MessageFlags.Flagged)]), null);

        CollectionSync.NextWindow(state, 10, false).Plan.Count.ShouldBe(0);
    }

    [Fact]
    public void Messages_marked_deleted_are_deletions_and_new_ones_outside_the_filter_are_skipped()
    {
        var state = CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), Full(10, Message(1), Message(2, MessageFlags.Deleted)), null);
        state = CollectionSync.Confirm(Deliver(state, 10, out var first, out _));
        first.Adds.ShouldBe([1u]);

        var old = new MessageInfo(9, MessageFlags.None, T0.AddYears(-1));
        state = CollectionSync.Absorb(state, Delta(11, [Message(1, MessageFlags.Deleted), old]), since: T0);
        state = Deliver(state, 10, out var plan, out _);

        plan.Deletes.ShouldBe([1u]);
        plan.Adds.ShouldBeEmpty();
    }

    [Fact]
    public void Deletions_go_first_and_count_against_the_window()
    {
        var state = CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), Full(10, Message(1), Message(2), Message(3)), null);
        state = CollectionSync.Confirm(Deliver(state, 10, out _, out _));
        state = CollectionSync.Absorb(state, Delta(20, [Message(4), Message(5)], vanished: [1, 2]), null);

        state = Deliver(state, 3, out var plan, out var more);

        plan.Deletes.ShouldBe([1u, 2u]);
        plan.Adds.ShouldBe([5u]);
        more.ShouldBeTrue();
    }

    [Fact]
    public void Acting_on_an_item_of_the_last_response_before_confirming_it_changes_what_it_confirms()
    {
        var state = CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), Full(10, Message(1), Message(2)), null);
        state = Deliver(state, 10, out _, out _);

        var moved = CollectionSync.ClientDeleted(state, 2);
        var read = CollectionSync.ClientChanged(moved, 1, MessageFlags.Seen);

        CollectionSync.Match(read, "e1-1").ShouldBe(KeyMatch.Resent);
        read.Sent!.Adds.ShouldBe([1u]);
        CollectionSync.Held(read, 1).ShouldBe(MessageFlags.Seen);
        CollectionSync.Confirm(read).Items.ShouldBe(new Dictionary<uint, MessageFlags> { [1] = MessageFlags.Seen });
    }

    [Fact]
    public void The_state_round_trips_through_json()
    {
        var state = CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), Full(10, Message(1, MessageFlags.Seen), Message(2)), null);
        state = Deliver(state, 1, out _, out _, MessageFlags.Seen);
        state = CollectionSync.Confirm(state);
        state = state with { PendingChanges = state.PendingChanges.Add(2, MessageFlags.Flagged), PendingDeletes = [5] };

        var json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<CollectionSyncState>(json)!;

        back.Items.ShouldBe(state.Items);
        back.PendingAdds.ShouldBe(state.PendingAdds);
        back.PendingChanges.ShouldBe(state.PendingChanges);
        back.PendingDeletes.ShouldBe(state.PendingDeletes);
        back.Key.ShouldBe(state.Key);
    }
}
