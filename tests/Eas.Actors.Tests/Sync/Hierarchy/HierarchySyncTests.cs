using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Hierarchy;
using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Tests.Sync.Hierarchy;

public sealed class HierarchySyncTests
{
    private static readonly MailFolder[] Folders =
    [
        new("INBOX", '/', FolderUse.Inbox, 100),
        new("Sent", '/', FolderUse.Sent, 101),
        new("Trash", '/', FolderUse.Trash, 102),
        new("Work", '/', FolderUse.None, 103),
        new("Work/Projects", '/', FolderUse.None, 104),
    ];

    private static (FolderMap Map, IReadOnlyList<FolderView> Views) Build(params MailFolder[] folders)
    {
        var map = new FolderMap().Reconcile(folders);
        return (map, HierarchyBuilder.Build(map, folders));
    }

    [Fact]
    public void Key_zero_sends_every_folder_parents_first_with_types()
    {
        var (map, views) = Build(Folders);

        var decision = HierarchySync.Decide(null, "0", [.. views], "e1");

        decision.Status.ShouldBe(FolderSyncStatus.Success);
        decision.Key.ShouldBe("e1-1");
        var adds = decision.Changes.Cast<FolderSyncAdd>().ToList();
        adds.Count.ShouldBe(5);
        adds.Single(a => a.DisplayName == "INBOX").Type.ShouldBe(FolderType.DefaultInbox);
        adds.Single(a => a.DisplayName == "Sent").Type.ShouldBe(FolderType.DefaultSentItems);
        var projects = adds.Single(a => a.DisplayName == "Projects");
        projects.ParentId.ShouldBe(map.IdOf("Work"));
        adds.FindIndex(a => a.DisplayName == "Work").ShouldBeLessThan(adds.IndexOf(projects));
        map.IdOf("INBOX").ShouldBe("1");
    }

    [Fact]
    public void Nothing_changed_keeps_the_key_and_a_change_issues_a_new_one()
    {
        var (_, views) = Build(Folders);
        var first = HierarchySync.Decide(null, "0", [.. views], "e1");

        var same = HierarchySync.Decide(first.State, "e1-1", [.. views], "e2");
        same.Key.ShouldBe("e1-1");
        same.Changes.ShouldBeEmpty();

        var (_, fewer) = Build(Folders[..4]);
        var changed = HierarchySync.Decide(first.State, "e1-1", [.. fewer], "e2");
        changed.Key.ShouldBe("e1-2");
        changed.Changes.ShouldHaveSingleItem().ShouldBeOfType<FolderSyncDelete>();
    }

    [Fact]
    public void The_previous_key_gets_the_lost_answer_again_and_unknown_keys_are_status_9()
    {
        var (_, views) = Build(Folders[..4]);
        var first = HierarchySync.Decide(null, "0", [.. views], "e1");
        var (_, more) = Build(Folders);
        var second = HierarchySync.Decide(first.State, "e1-1", [.. more], "e2");

        var replay = HierarchySync.Decide(second.State, "e1-1", [.. more], "e3");

        replay.Changes.ShouldBe(second.Changes);
        HierarchySync.Decide(second.State, "e0-7", [.. more], "e3").Status.ShouldBe(FolderSyncStatus.InvalidSyncKey);
        HierarchySync.Decide(null, "e1-1", [.. more], "e3").Status.ShouldBe(FolderSyncStatus.InvalidSyncKey);
    }

    [Fact]
    public void A_rename_by_another_client_keeps_the_id_and_is_an_update()
    {
        var map = new FolderMap().Reconcile(Folders);
        var before = HierarchyBuilder.Build(map, Folders);
        var renamedFolders = Folders.Select(f => f.Name.StartsWith("Work", StringComparison.Ordinal)
            ? f with { Name = "Job" + f.Name[4..] } : f).ToArray();

        var renamedMap = map.Reconcile(renamedFolders);
        var after = HierarchyBuilder.Build(renamedMap, renamedFolders);
        var first = HierarchySync.Decide(null, "0", [.. before], "e1");
        var decision = HierarchySync.Decide(first.State, first.Key!, [.. after], "e2");

        renamedMap.IdOf("Job").ShouldBe(map.IdOf("Work"));
        renamedMap.IdOf("Job/Projects").ShouldBe(map.IdOf("Work/Projects"));
        decision.Changes.ShouldHaveSingleItem().ShouldBeOfType<FolderSyncUpdate>().DisplayName.ShouldBe("Job");
    }

    [Fact]
    public void A_new_folder_gets_a_new_id_and_a_deleted_one_never_gives_its_id_away()
    {
        var map = new FolderMap().Reconcile(Folders);
        var trashId = map.IdOf("Trash");
        var withoutTrash = map.Reconcile(Folders.Where(f => f.Name != "Trash").ToArray());
        var withNew = withoutTrash.Reconcile([.. Folders.Where(f => f.Name != "Trash"), new MailFolder("Receipts", '/', FolderUse.None, 200)]);

        withoutTrash.IdOf("Trash").ShouldBeNull();
        withNew.IdOf("Receipts").ShouldNotBe(trashId);
    }
}

public sealed class FolderMapMailboxIdTests
{
    [Fact]
    public void Where_the_server_has_mailbox_ids_a_rename_is_followed_by_id_even_with_a_new_uidvalidity()
    {
        var before = new[] { new MailFolder("INBOX", '/', FolderUse.Inbox, 1) { MailboxId = "M1" }, new MailFolder("Old", '/', FolderUse.None, 7) { MailboxId = "M2" } };
        var after = new[] { before[0], new MailFolder("New", '/', FolderUse.None, 9) { MailboxId = "M2" }, new MailFolder("Other", '/', FolderUse.None, 7) { MailboxId = "M3" } };

        var map = new FolderMap().Reconcile(before);
        var next = map.Reconcile(after);

        next.IdOf("New").ShouldBe(map.IdOf("Old"));
        next.IdOf("Other").ShouldNotBe(map.IdOf("Old"));
    }
}
