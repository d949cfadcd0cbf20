using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;

namespace Eas.Actors.Tests.Sync.Pim;

/// <summary>
/// The FilterType window of a PIM collection as pure rules on <see cref="PimSyncState"/> (MS-ASCMD 2.2.3.68.2: new
/// items are added when they are within the window, SoftDelete, 2.2.3.172, for items the phone holds that leave it):
/// what a window finds outside is kept out and not read again until it changes, and a check after a FilterType change
/// brings kept-out items back and soft deletes held ones.
/// </summary>
public sealed class PimWindowRulesTests
{
    private const string Folder = "8";

    private static readonly DateTimeOffset Now = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    private static PimChangeSet Full(string token, params (string Id, string Version)[] items) =>
        new(token, true, [.. items.Select(i => new PimItemVersion(i.Id, i.Version))], []);

    private static PimChangeSet Delta(string token, params (string Id, string Version)[] items) =>
        new(token, false, [.. items.Select(i => new PimItemVersion(i.Id, i.Version))], []);

    /// <summary>One request: confirm, take in, cut a window, and apply what the window found outside.</summary>
    private static (PimSyncState State, PimSyncPlan Plan) Round(PimSyncState state, PimChangeSet changes, ISet<string>? addsOutside = null, ISet<string>? changesOutside = null)
    {
        var next = PimSync.TakeIn(PimSync.Confirm(state), changes);
        var (cut, plan, _) = PimSync.NextWindow(next, Folder, 100, forceNewKey: false);
        cut = PimSync.Filtered(cut, (addsOutside ?? new HashSet<string>()).ToHashSet(), (changesOutside ?? new HashSet<string>()).ToHashSet());
        return (PimSync.Answered(cut, state, state.Counter), cut.Sent ?? plan);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_68_2_an_item_outside_the_window_is_not_sent_and_not_read_again_until_it_changes()
    {
        var (first, plan) = Round(PimSync.Start("e"), Full("t1", ("old", "1"), ("new", "1")), addsOutside: new HashSet<string> { "old" });

        plan.Adds.Select(a => a.ItemId).ShouldBe(["new"]);
        first.OutOfWindow.ShouldBe([KeyValuePair.Create("old", "1")]);
        var (second, quiet) = Round(first, Full("t2", ("old", "1"), ("new", "1")));
        quiet.Count.ShouldBe(0, "an item kept out at its version is no change");
        second.HasPending.ShouldBeFalse();
        var (third, moved) = Round(second, Delta("t3", ("old", "2")));
        moved.Adds.Select(a => a.ItemId).ShouldBe(["old"], "once it changes it is read and judged again");
        third.OutOfWindow.ShouldBeEmpty();
    }

    [Fact]
    public void MS_ASCMD_2_2_3_172_a_held_item_changed_out_of_the_window_is_soft_deleted_and_then_kept_out()
    {
        var (first, added) = Round(PimSync.Start("e"), Full("t1", ("a", "1")));
        var serverId = added.Adds.Single().ServerId;

        var (second, plan) = Round(first, Delta("t2", ("a", "2")), changesOutside: new HashSet<string> { serverId });

        plan.Changes.ShouldBeEmpty();
        plan.SoftDeletes.ShouldBe([KeyValuePair.Create(serverId, "2")]);
        var confirmed = PimSync.Confirm(second);
        confirmed.Items.ShouldBeEmpty();
        confirmed.OutOfWindow.ShouldBe([KeyValuePair.Create("a", "2")]);
    }

    [Fact]
    public void MS_ASCMD_2_2_3_68_2_a_window_check_soft_deletes_held_items_now_outside_and_adds_kept_out_ones_now_inside()
    {
        var (first, added) = Round(PimSync.Start("e"), Full("t1", ("held", "1"), ("kept", "1")), addsOutside: new HashSet<string> { "kept" });
        var serverId = added.Adds.Single().ServerId;
        var state = PimSync.TakeIn(PimSync.Confirm(first), Full("t1", ("held", "1"), ("kept", "1")));

        var checkedState = PimSync.Rewindowed(state, new Dictionary<string, string> { [serverId] = "1" }, new HashSet<string> { "kept" }, Now);
        var (cut, plan, _) = PimSync.NextWindow(checkedState, Folder, 100, forceNewKey: false);

        checkedState.WindowCheckedAt.ShouldBe(Now);
        plan.SoftDeletes.ShouldBe([KeyValuePair.Create(serverId, "1")]);
        plan.Adds.Select(a => a.ItemId).ShouldBe(["kept"]);
        var confirmed = PimSync.Confirm(cut);
        confirmed.Items.Values.Select(h => h.ItemId).ShouldBe(["kept"]);
        confirmed.OutOfWindow.ShouldBe([KeyValuePair.Create("held", "1")]);
    }

    [Fact]
    public void A_pending_soft_delete_gives_way_to_a_store_delete_and_to_a_later_change()
    {
        var (first, added) = Round(PimSync.Start("e"), Full("t1", ("a", "1"), ("b", "1")));
        var (a, b) = (added.Adds[0].ServerId, added.Adds[1].ServerId);
        var state = PimSync.Rewindowed(PimSync.Confirm(first), new Dictionary<string, string> { [a] = "1", [b] = "1" }, new HashSet<string>(), Now);

        var next = PimSync.TakeIn(state, new PimChangeSet("t2", false, [new PimItemVersion("b", "2")], ["a"]));

        next.PendingDeletes.ShouldBe([a]);
        next.PendingSoftDeletes.ShouldBeEmpty();
        next.PendingChanges.ShouldBe([KeyValuePair.Create(b, "2")]);
    }

    [Fact]
    public void The_window_state_survives_the_journal_delta_and_a_resent_key()
    {
        var (first, _) = Round(PimSync.Start("e"), Full("t1", ("a", "1"), ("b", "1")), addsOutside: new HashSet<string> { "a" });
        var (second, _) = Round(first, Delta("t2", ("b", "2")));
        var checkedState = PimSync.Rewindowed(second, new Dictionary<string, string>(), new HashSet<string> { "a" }, Now);

        var delta = PimStateDelta.Between(first, checkedState).ShouldNotBeNull();
        var applied = delta.ApplyTo(first);

        applied.OutOfWindow.ShouldBe(checkedState.OutOfWindow);
        applied.PendingAdds.ShouldBe(checkedState.PendingAdds);
        applied.WindowCheckedAt.ShouldBe(Now);
        PimSync.Restore(second).OutOfWindow.ShouldBe(first.OutOfWindow, "a resent key restores what was kept out");
    }
}
