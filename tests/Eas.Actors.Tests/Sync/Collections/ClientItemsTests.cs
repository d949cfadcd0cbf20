using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;

namespace Eas.Actors.Tests.Sync.Collections;

/// <summary>Drafts the phone writes itself (MS-ASCMD 2.2.3.7.2 Add, 2.2.3.24 Change): held, never echoed, and named by the ServerId the phone knows.</summary>
public sealed class ClientItemsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static FolderListing Delta(ulong modSeq, MessageInfo[] changed, uint[]? vanished = null) => new(7, modSeq, [.. changed], [.. vanished ?? []], true);

    private static CollectionSyncState Started() => CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), new FolderListing(7, 10, [], [], false), null);

    [Fact]
    public void MS_ASCMD_2_2_3_7_2_an_added_draft_is_held_and_its_listing_sends_nothing_back()
    {
        var state = ClientItems.Added(Started(), 5, MessageFlags.Seen | MessageFlags.Draft);
        state.Items[5].ShouldBe(MessageFlags.Seen);

        state = CollectionSync.Absorb(state, Delta(11, [new MessageInfo(5, MessageFlags.Seen | MessageFlags.Draft, T0)]), null);
        state.HasPending.ShouldBeFalse();
    }

    [Fact]
    public void MS_ASCMD_2_2_3_24_a_replaced_draft_keeps_the_phone_s_ServerId_through_every_change()
    {
        var state = ClientItems.Added(Started(), 5, MessageFlags.Seen);
        state = ClientItems.Replaced(state, 5, 8);
        state = ClientItems.Replaced(state, 8, 12);

        state.Items.Keys.ShouldBe([12u]);
        state.Aliases.ShouldBe([KeyValuePair.Create(12u, 5u)]);
        ClientItems.PhoneUid(state, 12).ShouldBe(5u);
        ClientItems.StoreUid(state, 5).ShouldBe(12u);
        ClientItems.StoreUid(state, 9).ShouldBe(9u, "a UID without an alias names its own message");

        state = CollectionSync.Absorb(state, Delta(12, [new MessageInfo(12, MessageFlags.Seen | MessageFlags.Draft, T0)], vanished: [5, 8]), null);
        state.HasPending.ShouldBeFalse("the old drafts' expunges and the new one's arrival are the phone's own change");
    }

    [Fact]
    public void A_sent_draft_s_expunge_is_a_Delete_and_then_its_alias_goes()
    {
        var state = ClientItems.Replaced(ClientItems.Added(Started(), 5, MessageFlags.Seen), 5, 8);
        state = CollectionSync.Absorb(state, Delta(13, [], vanished: [8]), null);
        state.PendingDeletes.ShouldBe([8u]);
        ClientItems.PhoneUid(state, 8).ShouldBe(5u, "the Delete names the ServerId the phone knows");

        (state, var plan, _) = CollectionSync.NextWindow(state, 10, forceNewKey: false);
        plan.Deletes.ShouldBe([8u]);
        state = CollectionSync.Confirm(state);
        state.Aliases.ShouldBeEmpty();
        state.Items.ShouldBeEmpty();
    }

    [Fact]
    public void A_draft_the_phone_deletes_loses_its_alias() =>
        CollectionSync.ClientDeleted(ClientItems.Replaced(ClientItems.Added(Started(), 5, MessageFlags.Seen), 5, 8), 8).Aliases.ShouldBeEmpty();

    [Fact]
    public void Aliases_are_journalled_in_the_delta_and_only_when_they_change()
    {
        var saved = ClientItems.Added(Started(), 5, MessageFlags.Seen);
        var next = ClientItems.Replaced(saved, 5, 8) with { Counter = saved.Counter + 1 };

        var delta = CollectionStateDelta.Between(saved, next).ShouldNotBeNull();
        delta.AliasesReplaced.ShouldNotBeNull().ShouldBe([KeyValuePair.Create(8u, 5u)]);
        delta.ApplyTo(saved).Aliases.ShouldBe(next.Aliases);
        CollectionStateDelta.Between(next, next with { Counter = next.Counter + 1 }).ShouldNotBeNull().AliasesReplaced.ShouldBeNull();
    }
}
