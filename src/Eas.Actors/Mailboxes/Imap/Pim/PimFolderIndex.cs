namespace Eas.Actors.Mailboxes.Imap.Pim;

/// <summary>
/// What a session last saw of one PIM folder: every message's UID, Subject and vCard mark, as of a UIDVALIDITY and
/// HIGHESTMODSEQ. Brought up to date by CONDSTORE deltas (RFC 7162 3.1.4, VANISHED 3.2.6), it answers "which UIDs
/// hold these ids" without a UID SEARCH HEADER, which Dovecot answers by reading every message's header.
/// </summary>
internal sealed class PimFolderIndex(uint uidValidity, ulong highestModSeq)
{
    private readonly Dictionary<uint, PimMessageRef> _messages = [];

    public uint UidValidity { get; } = uidValidity;

    public ulong HighestModSeq { get; private set; } = highestModSeq;

    public IReadOnlyCollection<PimMessageRef> Messages => _messages.Values;

    /// <summary>A listing's index: a full one replaces it, a delta of the same UIDVALIDITY updates it.</summary>
    public static PimFolderIndex Apply(PimFolderIndex? index, PimFolderListing listing)
    {
        if (!listing.IsDelta || index is null || index.UidValidity != listing.UidValidity) index = new PimFolderIndex(listing.UidValidity, listing.HighestModSeq);
        foreach (var uid in listing.Vanished) index._messages.Remove(uid);
        foreach (var message in listing.Messages) index._messages[message.Uid] = message;
        index.HighestModSeq = listing.HighestModSeq;
        return index;
    }
}
