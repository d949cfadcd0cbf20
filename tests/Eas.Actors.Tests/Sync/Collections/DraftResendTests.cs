using Akka.Actor;
using Akka.Actor.Setup;
using Eas.Actors.Devices;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Collections;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Tests.Sync.Collections;

/// <summary>
/// A draft Add whose response was lost (MS-ASCMD 3.1.5.9: the phone sends the same request, same SyncKey and ClientId,
/// 2.2.3.28.2): the response's plan keeps which ClientId became which UID (<see cref="SyncPlan.DraftsAdded"/>), through
/// the journal, until the phone shows it holds the response's key; answered again from it, the draft is held once and
/// never sent back to the phone as a second message.
/// </summary>
public sealed class DraftResendTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public DraftResendTests()
        : base(JsonManifestSetup.Empty.WithDeviceManifests().And(BootstrapSetup.Create().WithConfig(JsonManifestSerializer.Bindings)))
    {
    }

    private JsonManifestSerializer Serializer => (JsonManifestSerializer)Sys.Serialization.FindSerializerForType(typeof(CollectionStateAdvanced));

    private static FolderListing Listing(ulong modSeq, params uint[] uids) =>
        new(7, modSeq, [.. uids.Select(u => new MessageInfo(u, MessageFlags.Seen | MessageFlags.Draft, T0))], [], true);

    private static readonly DraftAdded Added = new("c-17", 42)
    {
        AttachmentParts = [KeyValuePair.Create("a-1", "2")],
        Status = SyncStatus.ServerError,
    };

    /// <summary>The phone at key 1 adds a draft (stored as UID 42); the answer, key 2, is lost.</summary>
    private static (CollectionSyncState Held, CollectionSyncState Answered) LostAdd()
    {
        var held = CollectionSync.NextWindow(CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), Listing(10), null), 10, forceNewKey: true).State;
        held = CollectionSync.Confirm(held);
        var next = ClientItems.Added(held, 42, MessageFlags.Seen | MessageFlags.Draft);
        next = CollectionSync.Absorb(next, Listing(11, 42), null);
        (next, var plan, _) = CollectionSync.NextWindow(next, 10, forceNewKey: true);
        next = next with { Sent = plan with { DraftsAdded = [Added] } };
        return (held, CollectionSync.Answered(next, held, held.Counter));
    }

    [Fact]
    public void MS_ASCMD_3_1_5_9_the_lost_response_s_drafts_are_kept_until_its_key_comes_back_and_read_back_from_the_journal()
    {
        var (held, answered) = LostAdd();
        answered.Sent!.DraftsAdded.ShouldBe([Added]);

        var written = new CollectionStateAdvanced("7", CollectionStateDelta.Between(held, answered)!);
        var read = (CollectionStateAdvanced)Serializer.FromBinary(Serializer.ToBinary(written), Serializer.Manifest(written));

        var drafts = read.Delta.ApplyTo(held).Sent!.DraftsAdded.ShouldHaveSingleItem();
        drafts.ShouldBe(Added with { AttachmentParts = drafts.AttachmentParts });
        drafts.AttachmentParts.ShouldBe([KeyValuePair.Create("a-1", "2")]);
        drafts.Status.ShouldBe(SyncStatus.ServerError);
        CollectionSync.Match(answered, held.Key).ShouldBe(KeyMatch.Resent);
        CollectionSync.Confirm(answered).Sent.ShouldBeNull("once the phone sends the new key the drafts are its own");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_28_2_answered_again_the_draft_is_held_once_and_no_Add_goes_back_to_the_phone()
    {
        var (_, answered) = LostAdd();
        var restored = CollectionSync.Restore(answered);
        restored.Items.ContainsKey(42).ShouldBeFalse("the phone's state before the lost response");

        var again = ClientItems.Added(CollectionSync.Confirm(restored), Added.Uid, MessageFlags.Seen | MessageFlags.Draft);
        again = CollectionSync.Absorb(again, Listing(12, 42), null);

        again.HasPending.ShouldBeFalse("the draft's message in the listing is the one the phone holds");
        again.Items.Keys.ShouldBe([42u]);
    }

    [Fact]
    public void Plans_journalled_before_drafts_were_kept_read_with_none()
    {
        var (held, answered) = LostAdd();
        var written = new CollectionStateAdvanced("7", CollectionStateDelta.Between(held, answered)!);
        var json = System.Text.Json.Nodes.JsonNode.Parse(Serializer.ToBinary(written))!.AsObject();
        var sent = (json["Delta"] ?? json["delta"])!["Sent"] ?? (json["Delta"] ?? json["delta"])!["sent"];
        (sent!.AsObject().Remove("DraftsAdded") | sent.AsObject().Remove("draftsAdded")).ShouldBeTrue();

        var read = (CollectionStateAdvanced)Serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), Serializer.Manifest(written));

        read.Delta.ApplyTo(held).Sent!.DraftsAdded.IsDefaultOrEmpty.ShouldBeTrue();
    }
}
