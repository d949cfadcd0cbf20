using System.Collections.Immutable;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Sync.Pim;

/// <summary>
/// One device's sync state for one PIM collection (contacts, MS-ASCMD 2.2.1.21 with MS-ASCNTC 3.1.5): what the
/// phone holds by ServerId (the store's item id and the version it was told), what is still to send, the store's
/// change token up to which changes have been taken in, the last response's plan (confirmed when the phone sends
/// its key), the phone's Options and Supported list, and the way back to the state the phone held at the key before
/// (<see cref="Rollback"/>, depth one, as for email). ServerIds are <c>&lt;folderId&gt;:&lt;n&gt;</c> with n from
/// <see cref="NextNumber"/>, which only grows: a ServerId is never given to two items. Persisted per (account,
/// device, folder) before the response that reports it leaves.
/// </summary>
public sealed record PimSyncState
{
    /// <summary>Random per full sync (SyncKey 0), so keys of an older state never match.</summary>
    public required string Epoch { get; init; }

    /// <summary>The counter of the current key; the key the phone sends next is <see cref="Key"/>.</summary>
    public int Counter { get; init; }

    /// <summary>The store's change token the pending lists are current with; null before the first listing.</summary>
    public string? Token { get; init; }

    /// <summary>The number the next ServerId takes.</summary>
    public int NextNumber { get; init; } = 1;

    /// <summary>What the phone holds (confirmed): ServerId to the store's item and the version it was told.</summary>
    public ImmutableSortedDictionary<string, PimHeld> Items { get; init; } = ImmutableSortedDictionary.Create<string, PimHeld>(StringComparer.Ordinal);

    /// <summary>Store items still to add to the phone: item id to version.</summary>
    public ImmutableSortedDictionary<string, string> PendingAdds { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Held items changed in the store, still to send: ServerId to the new version.</summary>
    public ImmutableSortedDictionary<string, string> PendingChanges { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Held items gone from the store, still to delete on the phone: ServerIds.</summary>
    public ImmutableSortedSet<string> PendingDeletes { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Store items that could not be read, by id, at the version that failed: left out until they change.</summary>
    public ImmutableSortedDictionary<string, string> Skipped { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Store items the phone's FilterType keeps off it (MS-ASCMD 2.2.3.68.2), by id, at the version found outside the
    /// window: not read again until they change, the filter changes or the window moves (<see cref="WindowCheckedAt"/>).
    /// </summary>
    public ImmutableSortedDictionary<string, string> OutOfWindow { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Held items that left the window, still to SoftDelete on the phone (MS-ASCMD 2.2.3.172): ServerId to the version found outside.</summary>
    public ImmutableSortedDictionary<string, string> PendingSoftDeletes { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>When every held and kept-out item was last checked against the window; null before the first check.</summary>
    public DateTimeOffset? WindowCheckedAt { get; init; }

    /// <summary>The client's options for this collection (MS-ASCMD 2.2.3.115.5), kept for requests that leave them out.</summary>
    public SyncOptions? Options { get; init; }

    /// <summary>
    /// The tags of the phone's airsync:Supported list from its initial Sync (MS-ASCMD 2.2.3.179): the properties it
    /// syncs, so those it leaves out of a Change are deleted and every other one is kept (ghosted); null when it sent none.
    /// </summary>
    public ImmutableArray<ushort>? Supported { get; init; }

    /// <summary>What the response with key <see cref="Counter"/> carried; applied to <see cref="Items"/> once the phone sends that key.</summary>
    public PimSyncPlan? Sent { get; init; }

    /// <summary>
    /// What turns this state back into the one the phone held when it sent the request this state answered; null
    /// when the phone has since shown it holds <see cref="Key"/>. Depth one.
    /// </summary>
    public PimStateDelta? Rollback { get; init; }

    public string Key => $"{Epoch}-{Counter}";

    /// <summary>The key the phone sent for the last response: sent again, that response was lost (MS-ASCMD 3.1.5.9).</summary>
    public string? PreviousKey => Rollback is { } rollback ? $"{Epoch}-{rollback.Counter}" : null;

    /// <summary>Anything waiting for the phone.</summary>
    public bool HasPending => !PendingAdds.IsEmpty || !PendingChanges.IsEmpty || !PendingDeletes.IsEmpty || !PendingSoftDeletes.IsEmpty;

    /// <summary>How many changes wait for the phone (GetItemEstimate).</summary>
    public int PendingCount => PendingAdds.Count + PendingChanges.Count + PendingDeletes.Count + PendingSoftDeletes.Count;
}

/// <summary>A store item the phone holds, with the version it was told.</summary>
public sealed record PimHeld(string ItemId, string Version);

/// <summary>An item a response adds, under the ServerId it gives it.</summary>
public sealed record PimPlannedAdd(string ServerId, string ItemId, string Version);

/// <summary>
/// The server commands of one response: adds with their new ServerIds, changes (ServerId to version), deletes, and
/// soft deletes of items that left the FilterType window (ServerId to the version found outside).
/// </summary>
public sealed record PimSyncPlan(ImmutableArray<PimPlannedAdd> Adds, ImmutableArray<KeyValuePair<string, string>> Changes, ImmutableArray<string> Deletes)
{
    public static PimSyncPlan Empty { get; } = new([], [], []);

    public ImmutableArray<KeyValuePair<string, string>> SoftDeletes { get; init; } = [];

    /// <summary>
    /// The items the phone's Adds in the request of this response stored, by ClientId: when the response is lost and
    /// the phone sends the same request again (same SyncKey, same ClientIds, MS-ASCMD 3.1.5.9, 2.2.3.28.2), they are
    /// answered with the same ServerIds instead of being stored again.
    /// </summary>
    public ImmutableArray<PimClientAdded> ClientAdds { get; init; } = [];

    /// <summary><see cref="ClientAdds"/>, empty in a plan journalled before resent Adds were recorded.</summary>
    public ImmutableArray<PimClientAdded> ClientAddsOrEmpty => ClientAdds.IsDefault ? [] : ClientAdds;

    public int Count => Adds.Length + Changes.Length + Deletes.Length + SoftDeletesOrEmpty.Length;

    /// <summary><see cref="SoftDeletes"/>, empty in a plan written before soft deletes existed.</summary>
    public ImmutableArray<KeyValuePair<string, string>> SoftDeletesOrEmpty => SoftDeletes.IsDefault ? [] : SoftDeletes;
}

/// <summary>
/// An Add of the phone the store took (MS-ASCMD 2.2.3.7.2): its ClientId (MS-ASCMD 2.2.3.28.2), the ServerId it was
/// answered with, and the store's item and version it was stored as.
/// </summary>
public sealed record PimClientAdded(string ClientId, string ServerId, string ItemId, string Version);
