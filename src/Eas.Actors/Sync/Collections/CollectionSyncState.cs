using System.Collections.Immutable;
using Eas.Actors.Mailboxes;

namespace Eas.Actors.Sync.Collections;

/// <summary>
/// One device's sync state for one email folder (MS-ASCMD 2.2.1.21): what the phone holds (confirmed by
/// its sending the key of the response that delivered it), what is still to send, the MODSEQ up to which the
/// folder's changes have been taken in, the last response's plan (confirmed when the phone sends its key), and
/// the way back to the state the phone held at the key before (<see cref="Rollback"/>), so a resent key can be
/// answered against the mailbox as it is now (MS-ASCMD 2.2.3.166.4, 3.1.5.9). Persisted per (account, device,
/// folder) before the response that reports it leaves.
/// </summary>
public sealed record CollectionSyncState
{
    /// <summary>Random per full sync (SyncKey 0), so keys of an older state never match.</summary>
    public required string Epoch { get; init; }

    /// <summary>The counter of the current key; the key the phone sends next is <see cref="Key"/>.</summary>
    public int Counter { get; init; }

    public uint UidValidity { get; init; }

    /// <summary>Changes up to this MODSEQ are in <see cref="Items"/> or the pending lists; 0 before the first listing.</summary>
    public ulong ModSeq { get; init; }

    /// <summary>The filter window in force when the state was built (MS-ASCMD 2.2.3.70.1), as a FilterType value.</summary>
    public int FilterType { get; init; }

    /// <summary>The messages the phone holds (confirmed), with the flags it was told.</summary>
    public ImmutableSortedDictionary<uint, MessageFlags> Items { get; init; } = ImmutableSortedDictionary<uint, MessageFlags>.Empty;

    /// <summary>Messages still to add, newest first.</summary>
    public ImmutableList<uint> PendingAdds { get; init; } = [];

    /// <summary>Flag changes of held messages still to send.</summary>
    public ImmutableSortedDictionary<uint, MessageFlags> PendingChanges { get; init; } = ImmutableSortedDictionary<uint, MessageFlags>.Empty;

    /// <summary>Held messages that disappeared, still to delete on the phone.</summary>
    public ImmutableSortedSet<uint> PendingDeletes { get; init; } = [];

    /// <summary>
    /// Drafts the phone changed (MS-ASCMD 2.2.3.24 with MS-ASEMAIL 16.0 elements): IMAP cannot change a message, so
    /// the changed draft is a new message with a new UID, which the phone still knows by the ServerId it had. Keyed
    /// by the current UID, valued by the UID in that ServerId. UIDs are never reused under one UIDVALIDITY, so a
    /// ServerId's UID names either a message or an alias, never both.
    /// </summary>
    public ImmutableSortedDictionary<uint, uint> Aliases { get; init; } = ImmutableSortedDictionary<uint, uint>.Empty;

    /// <summary>
    /// Where the attachments of changed drafts are now: keyed by the draft's current UID, each FileReference the phone
    /// was given for it (<c>uid:part</c>, its UID then) mapped to the attachment's part number in the current message.
    /// A Change that removes one attachment renumbers those after it (MS-ASAIRS 2.2.2.24: the phone keeps the
    /// FileReference it was given); a removed attachment has no entry.
    /// </summary>
    public ImmutableSortedDictionary<uint, ImmutableSortedDictionary<string, string>> DraftParts { get; init; } = ImmutableSortedDictionary<uint, ImmutableSortedDictionary<string, string>>.Empty;

    /// <summary>The client's options for this folder (MS-ASCMD 2.2.3.115.5), kept for requests that leave them out.</summary>
    public Eas.Wire.Commands.Sync.SyncOptions? Options { get; init; }

    /// <summary>What the response with key <see cref="Counter"/> carried; applied to <see cref="Items"/> once the phone sends that key.</summary>
    public SyncPlan? Sent { get; init; }

    /// <summary>
    /// What turns this state back into the one the phone held when it sent the request that this state answered
    /// (before that request's own changes were recorded); null when the phone has since shown it holds
    /// <see cref="Key"/>. Depth one: the state it leads to has none of its own. Its counter is that of
    /// <see cref="PreviousKey"/>, which need not be <see cref="Counter"/> - 1: keys never repeat within an epoch.
    /// </summary>
    public CollectionStateDelta? Rollback { get; init; }

    /// <summary>
    /// How <see cref="Items"/> was made from the saved state's map in the running command, so that the delta to journal
    /// compares only the UIDs touched (<see cref="Collections.ItemsEdit"/>); internal, so never persisted.
    /// </summary>
    internal ItemsEdit? ItemsEdit { get; init; }

    /// <summary>
    /// How <see cref="PendingAdds"/> was made in the running command: a window taken from the front of the saved state's
    /// list (<see cref="Collections.PendingAddsTaken"/>); internal, so never persisted.
    /// </summary>
    internal PendingAddsTaken? PendingAddsTaken { get; init; }

    public string Key => $"{Epoch}-{Counter}";

    /// <summary>
    /// The key the phone sent for the last response: a request with it again means that response was lost
    /// (MS-ASCMD 3.1.5.9); it is answered from <see cref="Rollback"/>, not from a stored copy of the response.
    /// </summary>
    public string? PreviousKey => Rollback is { } rollback ? $"{Epoch}-{rollback.Counter}" : null;

    /// <summary>Anything waiting for the phone.</summary>
    public bool HasPending => !PendingAdds.IsEmpty || !PendingChanges.IsEmpty || !PendingDeletes.IsEmpty;
}

/// <summary>The server commands of one response: message UIDs to add, flag changes, deletions; and the drafts the request added.</summary>
public sealed record SyncPlan(ImmutableArray<uint> Adds, ImmutableArray<KeyValuePair<uint, MessageFlags>> Changes, ImmutableArray<uint> Deletes, ImmutableArray<KeyValuePair<uint, MessageFlags>> AddedFlags)
{
    public static SyncPlan Empty { get; } = new([], [], [], []);

    /// <summary>
    /// The drafts the phone's Adds in the request of this response stored, by ClientId: when the response is lost and
    /// the phone sends the same request again (same SyncKey, same ClientIds, MS-ASCMD 3.1.5.9, 2.2.3.28.2), they are
    /// answered with the same ServerIds instead of being stored again. Empty in rows journalled before drafts.
    /// </summary>
    public ImmutableArray<DraftAdded> DraftsAdded { get; init; } = [];

    public int Count => Adds.Length + Changes.Length + Deletes.Length;
}

/// <summary>
/// A draft the phone added (MS-ASCMD 2.2.3.7.2): its ClientId, the UID it was stored as, the IMAP part of each attachment
/// it added by the attachment's ClientId (MS-ASAIRS 2.2.2.14), and the Status it was answered (not Success when its
/// email2:Send was refused).
/// </summary>
public sealed record DraftAdded(string ClientId, uint Uid)
{
    public ImmutableArray<KeyValuePair<string, string>> AttachmentParts { get; init; } = [];

    public Eas.Wire.Commands.Sync.SyncStatus Status { get; init; } = Eas.Wire.Commands.Sync.SyncStatus.Success;
}
