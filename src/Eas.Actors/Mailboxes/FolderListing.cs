using System.Collections.Immutable;

namespace Eas.Actors.Mailboxes;

/// <summary>One message's identity and sync-relevant state in a folder.</summary>
public sealed record MessageInfo(uint Uid, MessageFlags Flags, DateTimeOffset Received);

/// <summary>
/// What a folder holds: every message within the filter window (a full listing), or only what changed
/// since a MODSEQ (RFC 7162 CHANGEDSINCE with VANISHED) when <see cref="IsDelta"/> is set.
/// </summary>
/// <param name="UidValidity">The folder's UIDVALIDITY; a change invalidates every UID the phone holds.</param>
/// <param name="HighestModSeq">The folder's HIGHESTMODSEQ when listed: the next delta starts here.</param>
/// <param name="Messages">All messages (full listing) or the changed and new ones (delta).</param>
/// <param name="Vanished">UIDs expunged since (delta only).</param>
/// <param name="IsDelta">Whether this is a delta rather than a full listing.</param>
public sealed record FolderListing(uint UidValidity, ulong HighestModSeq, ImmutableArray<MessageInfo> Messages, ImmutableArray<uint> Vanished, bool IsDelta);
