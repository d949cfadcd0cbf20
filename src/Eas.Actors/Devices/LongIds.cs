using Eas.Actors.Sync.Collections;

namespace Eas.Actors.Devices;

/// <summary>
/// The LongIds of mailbox Search results (search:LongId, MS-ASCMD 2.2.3.102): the item's ServerId, <c>folder:uid</c>
/// (<see cref="ServerIds"/>), so ItemOperations Fetch, SmartReply and SmartForward find the item from the LongId alone.
/// </summary>
internal static class LongIds
{
    /// <summary>The folder id of a LongId; false for anything this server did not issue.</summary>
    public static bool TryParse(string longId, out string folderId)
    {
        var colon = longId.LastIndexOf(':');
        folderId = colon > 0 ? longId[..colon] : "";
        return colon > 0 && ServerIds.TryParse(longId, folderId, out _);
    }
}
