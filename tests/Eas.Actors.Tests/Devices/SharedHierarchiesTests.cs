using System.Collections.Immutable;
using Eas.Actors.Devices;
using Eas.Actors.Sync.Hierarchy;
using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Tests.Devices;

/// <summary>The node's pool of folder hierarchies: devices that know the same folders hold one copy, and nothing else changes.</summary>
public sealed class SharedHierarchiesTests
{
    /// <summary>A hierarchy as one device reads it: its own dictionary, views and strings, equal to another device's.</summary>
    private static ImmutableSortedDictionary<string, FolderView> Folders(params (string Id, string Name, FolderType Type)[] folders) =>
        folders.ToImmutableSortedDictionary(f => new string(f.Id), f => new FolderView(new string(f.Id), new string("0"), new string(f.Name), f.Type), StringComparer.Ordinal);

    private static readonly (string, string, FolderType)[] Nine =
    [
        ("1", "Inbox", FolderType.DefaultInbox), ("2", "Drafts", FolderType.DefaultDrafts), ("3", "Sent", FolderType.DefaultSentItems),
        ("4", "Trash", FolderType.DefaultDeletedItems), ("5", "Junk", FolderType.UserCreatedMail), ("6", "Calendar", FolderType.DefaultCalendar),
        ("7", "Contacts", FolderType.DefaultContacts), ("8", "Tasks", FolderType.DefaultTasks), ("9", "Notes", FolderType.DefaultNotes),
    ];

    [Fact]
    public void Two_devices_that_know_the_same_folders_hold_one_copy()
    {
        var pool = new SharedHierarchies();
        var first = Folders(Nine);
        var second = Folders(Nine);

        pool.Share(first).ShouldBeSameAs(first);
        pool.Share(second).ShouldBeSameAs(first);
        pool.Count.ShouldBe(1);
    }

    [Fact]
    public void A_hierarchy_that_differs_in_one_folder_is_kept_as_it_is()
    {
        var pool = new SharedHierarchies();
        var all = Folders(Nine);
        pool.Share(all);
        var renamed = Folders([.. Nine[..8], ("9", "Memos", FolderType.DefaultNotes)]);
        var fewer = Folders(Nine[..1]);

        var shared = pool.Share(renamed);

        shared.ShouldBeSameAs(renamed);
        shared["9"].DisplayName.ShouldBe("Memos");
        pool.Share(fewer).ShouldBeSameAs(fewer);
        pool.Share(Folders(Nine)).ShouldBeSameAs(all);
    }

    [Fact]
    public void A_sync_state_keeps_its_keys_and_takes_the_shared_maps()
    {
        var pool = new SharedHierarchies();
        var held = pool.Share(Folders(Nine));
        var state = new HierarchySyncState { Epoch = "ab12", Counter = 3, PreviousCounter = 2, Known = Folders(Nine), PreviousKnown = Folders(Nine[..8]) };

        var shared = pool.Share(state);

        shared.Known.ShouldBeSameAs(held);
        shared.PreviousKnown.ShouldBe(state.PreviousKnown);
        (shared.Key, shared.PreviousKey).ShouldBe((state.Key, state.PreviousKey));
        pool.Share(state with { Known = Folders(Nine), PreviousKnown = Folders(Nine[..8]) }).PreviousKnown.ShouldBeSameAs(shared.PreviousKnown);
    }

    [Fact]
    public void The_pool_starts_over_at_its_capacity()
    {
        var pool = new SharedHierarchies(capacity: 2);
        pool.Share(Folders(Nine[..1]));
        pool.Share(Folders(Nine[..2]));
        pool.Count.ShouldBe(2);

        var third = Folders(Nine[..3]);
        pool.Share(third).ShouldBeSameAs(third);

        pool.Count.ShouldBe(1);
        pool.Share(Folders(Nine[..3])).ShouldBeSameAs(third);
    }
}
