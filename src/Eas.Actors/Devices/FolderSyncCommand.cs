using System.Collections.Immutable;
using Eas.Actors.Sync.Hierarchy;
using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Devices;

/// <summary>
/// FolderSync (MS-ASCMD 2.2.1.5): the account's folders from IMAP, through the account's stable folder
/// map, compared with what this device knows. A quarantined device is shown only its Inbox
/// (<see cref="Access.QuarantineView"/>); after an approval the same comparison adds every other folder.
/// </summary>
internal static class FolderSyncCommand
{
    public static async Task<Decision> DecideAsync(DeviceState state, DeviceRequest request, DeviceActorSettings settings, string newEpoch, DateTimeOffset now)
    {
        var body = (FolderSyncRequest)request.Body!;
        var listed = await MailboxWork.CurrentFoldersAsync(request, settings, state.Hierarchy?.Known.Values);
        var folders = request.Quarantined ? Access.QuarantineView.Folders(listed) : listed;
        var decision = HierarchySync.Decide(state.Hierarchy, body.SyncKey, folders, newEpoch);
        var response = new FolderSyncResponse(decision.Status) { SyncKey = decision.Key, Changes = decision.Changes };
        ImmutableArray<DeviceEvent> events = decision.State is { } next && next != state.Hierarchy ? [new HierarchySynced(now, next)] : [];
        return new Decision(new RespondWith(response), events);
    }
}
