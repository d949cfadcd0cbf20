using Eas.Host.Endpoints;
using Eas.Host.Options;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Host.Tests.Endpoints;

public sealed class CommandSizeGuardTests
{
    private static readonly BudgetOptions Caps = new() { MaxItemsPerSync = 3, MaxFetchesPerItemOperations = 2 };

    private static SyncRequest Sync(params int[] commandsPerCollection) => new()
    {
        Collections = [.. commandsPerCollection.Select((count, i) => new SyncCollectionRequest("k1", $"{i + 1}")
        {
            Commands = [.. Enumerable.Range(0, count).Select(n => (SyncClientCommand)new SyncClientFetch($"{i + 1}:{n}"))],
        })],
    };

    [Fact]
    public void The_client_commands_of_all_collections_count_and_over_the_cap_is_sync_status_4()
    {
        CommandSizeGuard.Check(Sync(1, 2), Caps).ShouldBeNull();

        var over = CommandSizeGuard.Check(Sync(2, 2), Caps).ShouldNotBeNull();

        over.ShouldBe(new OversizedCommand(EasCommand.Sync, (int)SyncStatus.ProtocolError, CommandSizeGuard.SyncItems, 4, 3));
    }

    [Fact]
    public void Item_operations_over_the_cap_are_status_11_and_a_zero_cap_is_off()
    {
        var request = new ItemOperationsRequest([new ItemOperationsEmptyFolderContents("5"), new ItemOperationsEmptyFolderContents("6"), new ItemOperationsEmptyFolderContents("7")]);

        CommandSizeGuard.Check(request, Caps).ShouldNotBeNull().Status.ShouldBe((int)ItemOperationsStatus.DataTooLarge);
        CommandSizeGuard.Check(request, new BudgetOptions { MaxFetchesPerItemOperations = 0 }).ShouldBeNull();
        CommandSizeGuard.Check(new FolderSyncRequest("0"), Caps).ShouldBeNull("other commands have no cap here");
    }
}
