using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;

namespace Eas.Actors.Tests.Sync.Pim;

/// <summary>
/// The pure rules of PIM collection sync (MS-ASCMD 2.2.1.21, 2.2.3.166.4, 3.1.5.9 with MS-ASCNTC 3.1.5), on item
/// ids and versions only: diff of a store listing with what the phone holds, windows, ServerIds, the phone's own
/// changes not echoed, and a resent key.
/// </summary>
public sealed class PimSyncTests
{
    private const string Folder = "7";

    private static PimChangeSet Full(string token, params (string Id, string Version)[] items) =>
        new(token, true, [.. items.Select(i => new PimItemVersion(i.Id, i.Version))], []);

    /// <summary>Runs one request with the current key: confirm, take in, cut a window; returns the answered state.</summary>
    private static (PimSyncState State, PimSyncPlan Plan, bool More) Round(PimSyncState state, PimChangeSet changes, int window = 100)
    {
        var held = state;
        var next = PimSync.TakeIn(PimSync.Confirm(state), changes);
        var (cut, plan, more) = PimSync.NextWindow(next, Folder, window, forceNewKey: false);
        return (PimSync.Answered(cut, held, held.Counter), plan, more);
    }

    [Fact]
    public void MS_ASCMD_2_2_1_21_initial_listing_is_sent_in_windows_with_MoreAvailable_and_short_stable_ServerIds()
    {
        var state = PimSync.Start("e");
        var listing = Full("t1", ("a", "1"), ("b", "1"), ("c", "1"));
        var (first, plan, more) = Round(state, listing, window: 2);
        Assert.True(more);
        Assert.Equal(["7:1", "7:2"], plan.Adds.Select(a => a.ServerId));
        var (second, plan2, more2) = Round(first, listing, window: 2);
        Assert.False(more2);
        Assert.Equal(["7:3"], plan2.Adds.Select(a => a.ServerId));
        var (third, plan3, _) = Round(second, listing);
        Assert.Equal(0, plan3.Count);
        Assert.Equal(3, third.Items.Count);
        Assert.Equal(third.Key, second.Key);
    }

    [Fact]
    public void MS_ASCMD_2_2_1_21_store_change_and_removal_become_Change_and_Delete()
    {
        var (state, _, _) = Round(PimSync.Start("e"), Full("t1", ("a", "1"), ("b", "1")));
        (state, _, _) = Round(state, Full("t1", ("a", "1"), ("b", "1")));
        var (_, plan, _) = Round(state, Full("t2", ("a", "2")));
        Assert.Equal("7:2", Assert.Single(plan.Deletes));
        Assert.Equal("7:1", Assert.Single(plan.Changes).Key);
    }

    [Fact]
    public void MS_ASCMD_2_2_1_21_a_delta_change_set_updates_pending_without_a_full_listing()
    {
        var (state, _, _) = Round(PimSync.Start("e"), Full("t1", ("a", "1"), ("b", "1")));
        state = PimSync.Confirm(state);
        var delta = new PimChangeSet("t2", false, [new PimItemVersion("c", "1")], ["a"]);
        var (_, plan, _) = Round(state, delta);
        Assert.Equal("7:1", Assert.Single(plan.Deletes));
        Assert.Equal("c", Assert.Single(plan.Adds).ItemId);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_7_2_the_phones_own_add_and_change_are_never_echoed_back()
    {
        var (state, _, _) = Round(PimSync.Start("e"), Full("t1", ("a", "1")));
        state = PimSync.Confirm(state);
        (state, var serverId) = PimSync.NewServerId(state, Folder);
        state = PimSync.ClientAdded(state, serverId, "new", "9");
        state = PimSync.ClientChanged(state, "7:1", "2");
        var (_, plan, _) = Round(state, Full("t2", ("a", "2"), ("new", "9")));
        Assert.Equal(0, plan.Count);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_166_4_a_resent_key_restores_the_state_before_the_lost_request_and_never_reuses_a_ServerId()
    {
        var (state, _, _) = Round(PimSync.Start("e"), Full("t1", ("a", "1")));
        var sentKey = state.Key;
        var (lost, lostPlan, _) = Round(state, Full("t2", ("a", "1"), ("b", "1")));
        Assert.Equal("7:2", Assert.Single(lostPlan.Adds).ServerId);
        Assert.Equal(KeyMatch.Resent, PimSync.Match(lost, sentKey));

        var held = PimSync.Restore(lost);
        var next = PimSync.TakeIn(PimSync.Confirm(held), Full("t2", ("a", "1"), ("b", "1")));
        var (cut, plan, _) = PimSync.NextWindow(next, Folder, 100, forceNewKey: true);
        var answered = PimSync.Answered(cut, held, lost.Rollback!.Counter);
        Assert.Equal("7:3", Assert.Single(plan.Adds).ServerId);
        Assert.NotEqual(lost.Key, answered.Key);
        Assert.Equal(KeyMatch.Invalid, PimSync.Match(answered, lost.Key));
        Assert.Equal(KeyMatch.Resent, PimSync.Match(answered, sentKey));
    }

    [Fact]
    public void MS_ASCMD_2_2_3_166_4_an_unknown_key_is_invalid()
    {
        var state = PimSync.Start("e");
        Assert.Equal(KeyMatch.Invalid, PimSync.Match(state, "other-5"));
        Assert.Equal(KeyMatch.Invalid, PimSync.Match(null, "e-1"));
        Assert.Equal(KeyMatch.Initial, PimSync.Match(state, "0"));
    }

    [Fact]
    public void An_unreadable_item_is_skipped_until_its_version_changes()
    {
        var (state, plan, _) = Round(PimSync.Start("e"), Full("t1", ("bad", "1"), ("ok", "1")));
        Assert.Equal(2, plan.Adds.Length);
        state = PimSync.Delivered(state, new HashSet<string> { "bad" }, new HashSet<string>());
        Assert.Equal("ok", Assert.Single(state.Sent!.Adds).ItemId);
        var (again, plan2, _) = Round(state, Full("t1", ("bad", "1"), ("ok", "1")));
        Assert.Equal(0, plan2.Count);
        var (_, plan3, _) = Round(again, Full("t2", ("bad", "2"), ("ok", "1")));
        Assert.Equal("bad", Assert.Single(plan3.Adds).ItemId);
    }

    [Fact]
    public void The_journal_delta_of_a_window_gives_the_new_state_and_holds_only_the_window()
    {
        var listing = Full("t1", [.. Enumerable.Range(0, 50).Select(i => ($"i{i}", "1"))]);
        var (state, _, _) = Round(PimSync.Start("e"), listing, window: 10);
        var (next, _, _) = Round(state, listing, window: 10);
        var delta = PimStateDelta.Between(state, next)!;
        Assert.Equal(next, delta.ApplyTo(state), new StateComparer());
        Assert.True(delta.Items.Set.Length <= 10);
        Assert.True(delta.PendingAdds.Removed.Length <= 10);
    }

    private sealed class StateComparer : IEqualityComparer<PimSyncState>
    {
        public bool Equals(PimSyncState? x, PimSyncState? y) =>
            x!.Key == y!.Key && x.Token == y.Token && x.NextNumber == y.NextNumber
            && x.Items.SequenceEqual(y.Items) && x.PendingAdds.SequenceEqual(y.PendingAdds)
            && x.PendingChanges.SequenceEqual(y.PendingChanges) && x.PendingDeletes.SequenceEqual(y.PendingDeletes)
            && x.Sent!.Adds.SequenceEqual(y.Sent!.Adds);

        public int GetHashCode(PimSyncState obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
