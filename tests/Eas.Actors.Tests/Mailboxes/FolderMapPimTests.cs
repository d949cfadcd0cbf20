using Eas.Actors.Mailboxes;

namespace Eas.Actors.Tests.Mailboxes;

/// <summary>
/// Folder ids of CardDAV collections (issue 15): entries of their own in the account's folder map, stable per
/// collection id, never reused, and kept apart from the IMAP folders (MS-ASCMD 2.2.3.42.2 ServerId is unique and
/// stable within the account's hierarchy).
/// </summary>
public sealed class FolderMapPimTests
{
    private static readonly MailFolder[] Imap = [new("INBOX", '/', FolderUse.Inbox, 1), new("contacts", '/', FolderUse.None, 2)];

    [Fact]
    public void MS_ASCMD_2_2_3_42_2_a_collection_gets_its_own_id_apart_from_an_imap_folder_of_the_same_name()
    {
        var map = new FolderMap().Reconcile(Imap).ReconcilePim(["contacts", "work"]);
        var imapId = map.IdOf("contacts");
        var davId = map.PimIdOf("contacts");
        imapId.ShouldNotBeNull();
        davId.ShouldNotBeNull();
        davId.ShouldNotBe(imapId);
        map.NameOf(davId).ShouldBeNull();
        map.NameOf(imapId).ShouldBe("contacts");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_42_2_ids_are_stable_and_a_vanished_collection_id_is_never_reused()
    {
        var map = new FolderMap().Reconcile(Imap).ReconcilePim(["contacts", "work"]);
        var work = map.PimIdOf("work")!;
        map.ReconcilePim(["work", "contacts"]).ShouldBeSameAs(map);
        var without = map.ReconcilePim(["contacts"]);
        without.PimIdOf("work").ShouldBeNull();
        var back = without.ReconcilePim(["contacts", "work"]);
        back.PimIdOf("work").ShouldNotBe(work);
        back.PimIdOf("contacts").ShouldBe(map.PimIdOf("contacts"));
    }

    [Fact]
    public void An_imap_reconcile_keeps_the_pim_entries_and_a_pim_reconcile_keeps_the_imap_entries()
    {
        var map = new FolderMap().Reconcile(Imap).ReconcilePim(["contacts"]);
        var dav = map.PimIdOf("contacts");
        var inbox = map.IdOf("INBOX");
        var afterImap = map.Reconcile([Imap[0]]);
        afterImap.PimIdOf("contacts").ShouldBe(dav);
        afterImap.IdOf("contacts").ShouldBeNull();
        afterImap.ReconcilePim([]).IdOf("INBOX").ShouldBe(inbox);
    }
}
