using System.Collections.Immutable;
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
    public static CollectionSyncState Added(CollectionSyncState state, uint uid, MessageFlags flags) =>
        ItemsEdit.Apply(state, state.Items.SetItem(uid, flags & CollectionSync.Synced), [uid]) with { PendingAdds = state.PendingAdds.Remove(uid) };

    /// <summary>
    /// The phone changed a draft, now the message <paramref name="newUid"/> in place of <paramref name="oldUid"/>: it
    /// holds the new message under the ServerId it had for the old one, and the old one's expunge is not sent back.
    /// </summary>
    /// <param name="state">The folder's state.</param>
    /// <param name="oldUid">The draft's message before the Change.</param>
    /// <param name="newUid">The draft's message after it.</param>
    /// <param name="renumbered">The kept attachments' IMAP part numbers in the old message and in the new one; a FileReference given for any earlier message of the draft follows them (<see cref="CollectionSyncState.DraftParts"/>).</param>
    public static CollectionSyncState Replaced(CollectionSyncState state, uint oldUid, uint newUid, IReadOnlyDictionary<string, string>? renumbered = null)
    {
        var flags = CollectionSync.Held(state, oldUid) ?? MessageFlags.Seen;
        var phone = PhoneUid(state, oldUid);
        var parts = PartsAfter(state.DraftParts.GetValueOrDefault(oldUid), oldUid, renumbered ?? new Dictionary<string, string>());
        var next = Added(CollectionSync.ClientDeleted(state, oldUid), newUid, flags);
        return next with
        {
            Aliases = phone == newUid ? next.Aliases : next.Aliases.SetItem(newUid, phone),
            DraftParts = next.DraftParts.SetItem(newUid, parts),
        };
    }

    /// <summary>
    /// The message and part a FileReference's <paramref name="uid"/> and <paramref name="part"/> name now: for one given
    /// for an earlier message of a changed draft, its attachment in the current one (none for a removed attachment: the
    /// reference then names a message that is gone); else the reference as it reads. A draft changed before its parts
    /// were kept (no entry) is read with the part number as it was.
    /// </summary>
    public static (uint Uid, string Part) AttachmentOf(CollectionSyncState state, uint uid, string part)
    {
        var key = ReferenceKey(uid, part);
        foreach (var (current, parts) in state.DraftParts)
        {
            if (parts.TryGetValue(key, out var now)) return (current, now);
        }

        var store = StoreUid(state, uid);
        return store != uid && !state.DraftParts.ContainsKey(store) ? (store, part) : (uid, part);
    }

    /// <summary>The references of the replaced message (those given for it, and those that followed it from earlier ones) mapped to the kept attachments' new parts; a removed attachment's go.</summary>
    private static ImmutableSortedDictionary<string, string> PartsAfter(ImmutableSortedDictionary<string, string>? earlier, uint oldUid, IReadOnlyDictionary<string, string> renumbered)
    {
        var parts = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (reference, part) in earlier ?? ImmutableSortedDictionary<string, string>.Empty)
        {
            if (renumbered.TryGetValue(part, out var now)) parts[reference] = now;
        }

        foreach (var (before, now) in renumbered) parts.TryAdd(ReferenceKey(oldUid, before), now);
        return parts.ToImmutable();
    }

    private static string ReferenceKey(uint uid, string part) => uid.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + part;
}
