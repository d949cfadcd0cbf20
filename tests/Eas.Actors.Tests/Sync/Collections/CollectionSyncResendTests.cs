using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;

namespace Eas.Actors.Tests.Sync.Collections;

/// <summary>
/// The pure rules of a resent SyncKey (MS-ASCMD 2.2.3.166.4, 3.1.5.9): every response under a new key keeps the way
/// back to the state the phone held; a resend restores it and is answered against the folder as it is now, under a
/// key never issued before.
/// </summary>
public sealed class CollectionSyncResendTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static MessageInfo Message(uint uid, MessageFlags flags = MessageFlags.None) => new(uid, flags, T0.AddMinutes(uid));

    private static FolderListing Full(ulong modSeq, params MessageInfo[] messages) => new(7, modSeq, [.. messages], [], false);

    private static FolderListing Delta(ulong modSeq, params MessageInfo[] changed) => new(7, modSeq, [.. changed], [], true);

    /// <summary>One request as the runner runs it, from the state the phone held: confirm, the phone's own change, the folder's changes, a window.</summary>
    private static (CollectionSyncState State, SyncPlan Plan) Request(
        CollectionSyncState held, int heldCounter, FolderListing listing, bool clientCommands, Func<CollectionSyncState, CollectionSyncState>? client = null, int window = 10)
    {
        var state = CollectionSync.Confirm(held);
        state = client?.Invoke(state) ?? state;
        state = CollectionSync.Absorb(state, listing, null);
        var (next, plan, _) = CollectionSync.NextWindow(state, window, forceNewKey: clientCommands);
        if (next.Sent is not null) next = next with { Sent = plan with { AddedFlags = [.. plan.Adds.Select(uid => KeyValuePair.Create(uid, MessageFlags.None))] } };
        return (CollectionSync.Answered(next, held, heldCounter), plan);
    }

    /// <summary>A phone at key e1-2 that holds messages 1 and 2, unread.</summary>
    private static CollectionSyncState Holding()
    {
        var started = CollectionSync.Start("e1", 0, 0);
        var (first, _) = Request(started, started.Counter, Full(10, Message(1), Message(2)), clientCommands: false);
        return first;
    }

    [Fact]
    public void MS_ASCMD_3_1_5_9_a_resent_key_restores_the_state_before_the_lost_request_and_reports_its_own_change_back()
    {
        var held = Holding();
        held.Key.ShouldBe("e1-2");
        var (lost, lostPlan) = Request(held, held.Counter, Delta(20, Message(1, MessageFlags.Seen)), clientCommands: true,
            client: s => CollectionSync.ClientChanged(s, 1, MessageFlags.Seen));
        lostPlan.Count.ShouldBe(0, "the phone's own change is not echoed");
        lost.Key.ShouldBe("e1-3", "a request with client commands gets a new key");

        CollectionSync.Match(lost, "e1-2").ShouldBe(KeyMatch.Resent);
        var restored = CollectionSync.Restore(lost);

        CollectionSync.Confirm(restored).Items.ShouldBe(new Dictionary<uint, MessageFlags> { [1] = MessageFlags.None, [2] = MessageFlags.None });
        restored.ModSeq.ShouldBe(10ul);
        restored.Counter.ShouldBe(3, "keys go on from the lost response's");
        restored.Rollback.ShouldBeNull("depth one");

        var (answered, plan) = Request(restored, lost.Rollback!.Counter, Delta(20, Message(1, MessageFlags.Seen)), clientCommands: true);

        plan.Changes.ShouldBe([KeyValuePair.Create(1u, MessageFlags.Seen)]);
        answered.Key.ShouldBe("e1-4");
        CollectionSync.Match(answered, "e1-3").ShouldBe(KeyMatch.Invalid, "the lost response's key is never valid again");
        CollectionSync.Match(answered, "e1-2").ShouldBe(KeyMatch.Resent, "this answer can be lost too");
        CollectionSync.Match(answered, "e1-4").ShouldBe(KeyMatch.Current);
    }

    [Fact]
    public void MS_ASCMD_3_1_5_9_a_resent_key_whose_commands_come_again_does_not_echo_them()
    {
        var held = Holding();
        var (lost, _) = Request(held, held.Counter, Delta(20, Message(1, MessageFlags.Seen)), clientCommands: true,
            client: s => CollectionSync.ClientChanged(s, 1, MessageFlags.Seen));

        var (answered, plan) = Request(CollectionSync.Restore(lost), lost.Rollback!.Counter, Delta(20, Message(1, MessageFlags.Seen)), clientCommands: true,
            client: s => CollectionSync.ClientChanged(s, 1, MessageFlags.Seen));

        plan.Count.ShouldBe(0);
        answered.Items[1].ShouldBe(MessageFlags.Seen);
        answered.Key.ShouldBe("e1-4");
    }

    [Fact]
    public void MS_ASCMD_3_1_5_9_a_lost_first_window_is_sent_again_with_mail_that_arrived_since()
    {
        var started = CollectionSync.Start("e1", 0, 0);
        var (lost, lostPlan) = Request(started, started.Counter, Full(10, Message(1), Message(2)), clientCommands: false);
        lostPlan.Adds.ShouldBe([2u, 1u]);
        lost.Rollback.ShouldNotBeNull("the state before the first listing has no UIDVALIDITY yet, which does not stop the way back");

        var restored = CollectionSync.Restore(lost);
        var (answered, plan) = Request(restored, lost.Rollback!.Counter, Full(30, Message(1), Message(2), Message(3)), clientCommands: true);

        restored.Items.ShouldBeEmpty();
        restored.ModSeq.ShouldBe(0ul);
        plan.Adds.ShouldBe([3u, 2u, 1u]);
        answered.Key.ShouldBe("e1-3");
        answered.PreviousKey.ShouldBe("e1-1");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_166_4_an_answer_under_the_same_key_drops_the_way_back()
    {
        var held = Holding();

        var (quiet, plan) = Request(held, held.Counter, Delta(11), clientCommands: false);

        plan.Count.ShouldBe(0);
        quiet.Key.ShouldBe(held.Key);
        quiet.Rollback.ShouldBeNull();
        CollectionSync.Match(quiet, "e1-1").ShouldBe(KeyMatch.Invalid, "the phone has shown it holds e1-2");
        Should.Throw<InvalidOperationException>(() => CollectionSync.Restore(quiet));
    }

    [Fact]
    public void The_way_back_is_in_proportion_to_the_window_not_the_folder()
    {
        var folder = Enumerable.Range(1, 10_000).Select(i => Message((uint)i)).ToArray();
        var started = CollectionSync.Start("e1", 0, 0);
        var (first, _) = Request(started, started.Counter, Full(10, folder), clientCommands: false, window: 100);

        var (second, _) = Request(first, first.Counter, Delta(11), clientCommands: false, window: 100);

        var rollback = second.Rollback.ShouldNotBeNull();
        rollback.ItemsRemoved.Length.ShouldBe(100, "the phone confirmed the first window with the key it sent");
        rollback.PendingAddsPrepended.Length.ShouldBe(100);
        rollback.PendingAddsReplaced.ShouldBeNull();
        rollback.Counter.ShouldBe(first.Counter);
        rollback.PendingAddsRemoved.ShouldBeEmpty();
        CollectionSync.Restore(second).PendingAdds.ShouldBe(first.PendingAdds);
    }
}
