using System.Text;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Email.Drafts;
using MimeKit;

namespace Eas.Actors.Tests.Sync.Collections;

/// <summary>
/// FileReferences of a draft's attachments across Changes (MS-ASAIRS 2.2.2.24; MS-ASCMD 2.2.3.24): each Change is a new
/// IMAP message, and removing one attachment renumbers the parts after it, yet the phone keeps the FileReference it was
/// given. The reference names the attachment in the draft's current message, whichever earlier message it was given
/// for; a removed attachment's reference names nothing.
/// </summary>
public sealed class DraftAttachmentReferenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    private static CollectionSyncState Started() => CollectionSync.Absorb(CollectionSync.Start("e1", 7, 0), new FolderListing(7, 10, [], [], false), null);

    private static DraftAttachment File(string clientId, string name) => new(clientId, Encoding.ASCII.GetBytes(name)) { DisplayName = name };

    [Fact]
    public void MS_ASAIRS_2_2_2_24_removing_the_first_attachment_moves_the_second_to_its_part_and_the_reference_follows()
    {
        using var added = DraftMimeBuilder.Build(new DraftFields { AddedAttachments = [File("a1", "one.txt"), File("a2", "two.txt")] }, null, _ => null, "me@example.com", Now);
        var stored = MimeMessage.Load(new MemoryStream(added.ToBytes()));

        using var changed = DraftMimeBuilder.Build(new DraftFields { DeletedAttachments = ["5:10:2"] }, stored, r => r == "5:10:2" ? "2" : null, "me@example.com", Now);

        changed.Renumbered.ShouldBe(new Dictionary<string, string> { ["3"] = "2" });
        using var again = DraftMimeBuilder.Build(new DraftFields { Subject = "s" }, MimeMessage.Load(new MemoryStream(changed.ToBytes())), _ => null, "me@example.com", Now);
        again.Renumbered.ShouldBe(new Dictionary<string, string> { ["2"] = "2" }, "a Change that removes nothing keeps the numbers");
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_24_a_reference_given_for_any_earlier_message_of_the_draft_names_the_attachment_in_the_current_one()
    {
        var state = ClientItems.Added(Started(), 10, MessageFlags.Seen);
        state = ClientItems.Replaced(state, 10, 11, new Dictionary<string, string> { ["3"] = "2", ["4"] = "3" });
        state = ClientItems.Replaced(state, 11, 12, new Dictionary<string, string> { ["3"] = "2", ["4"] = "3" });

        ClientItems.AttachmentOf(state, 10, "4").ShouldBe((12u, "2"), "given with the Add: 4, then 3, then 2 after two removals");
        ClientItems.AttachmentOf(state, 11, "4").ShouldBe((12u, "3"), "given with the first Change (an attachment it added)");
        ClientItems.AttachmentOf(state, 12, "2").ShouldBe((12u, "2"), "the current message's own numbers");
        ClientItems.AttachmentOf(state, 10, "2").ShouldBe((10u, "2"), "a removed attachment names the message that is gone");
        ClientItems.AttachmentOf(state, 11, "2").ShouldBe((11u, "2"));
        ClientItems.AttachmentOf(state, 40, "2").ShouldBe((40u, "2"), "another message's reference reads as it is");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_42_2_a_deleted_draft_takes_its_references_with_it()
    {
        var state = ClientItems.Replaced(ClientItems.Added(Started(), 10, MessageFlags.Seen), 10, 11, new Dictionary<string, string> { ["3"] = "2" });
        state.DraftParts.Keys.ShouldBe([11u]);

        state = CollectionSync.ClientDeleted(state, 11);

        state.DraftParts.ShouldBeEmpty();
        state.Aliases.ShouldBeEmpty();
    }

    [Fact]
    public void A_draft_changed_before_its_parts_were_kept_reads_the_phone_s_reference_with_its_part_number()
    {
        var state = ClientItems.Replaced(ClientItems.Added(Started(), 10, MessageFlags.Seen), 10, 11);
        state = state with { DraftParts = state.DraftParts.Clear() };

        ClientItems.AttachmentOf(state, 10, "2").ShouldBe((11u, "2"));
    }
}
