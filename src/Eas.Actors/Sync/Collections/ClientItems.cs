using Eas.Actors.Mailboxes;

namespace Eas.Actors.Sync.Collections;

/// <summary>
/// Items the phone wrote itself into a folder (MS-ASCMD 2.2.3.7.2 Add, and 2.2.3.24 Change of a draft, which IMAP
/// can only do as a new message), as pure functions on <see cref="CollectionSyncState"/>. What the phone wrote it
/// already holds, so the message is recorded as held and the folder's next listing never sends it back; a replaced
/// draft keeps the ServerId the phone knows through <see cref="CollectionSyncState.Aliases"/>.
/// </summary>
public static class ClientItems
{
    /// <summary>The UID the phone's ServerIds use for the message with <paramref name="uid"/>.</summary>
    public static uint PhoneUid(CollectionSyncState state, uint uid) => state.Aliases.TryGetValue(uid, out var phone) ? phone : uid;

    /// <summary>The UID of the message the phone names by <paramref name="phoneUid"/> in a ServerId.</summary>
    public static uint StoreUid(CollectionSyncState state, uint phoneUid)
    {
        foreach (var (uid, phone) in state.Aliases)
        {
            if (phone == phoneUid) return uid;
        }

        return phoneUid;
    }

    /// <summary>The phone added the message <paramref name="uid"/> (MS-ASCMD 2.2.3.7.2): it holds it with these flags.</summary>
    public static CollectionSyncState Added(CollectionSyncState state, uint uid, MessageFlags flags) => state with
    {
        Items = state.Items.SetItem(uid, flags & CollectionSync.Synced),
        PendingAdds = state.PendingAdds.Remove(uid),
    };

    /// <summary>
    /// The phone changed a draft, now the message <paramref name="newUid"/> in place of <paramref name="oldUid"/>: it
    /// holds the new message under the ServerId it had for the old one, and the old one's expunge is not sent back.
    /// </summary>
    public static CollectionSyncState Replaced(CollectionSyncState state, uint oldUid, uint newUid)
    {
        var flags = CollectionSync.Held(state, oldUid) ?? MessageFlags.Seen;
        var phone = PhoneUid(state, oldUid);
        var next = Added(CollectionSync.ClientDeleted(state, oldUid), newUid, flags);
        return next with { Aliases = phone == newUid ? next.Aliases : next.Aliases.SetItem(newUid, phone) };
    }
}
