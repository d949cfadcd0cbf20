using Eas.Mail.Imap.Fetch;

namespace Eas.Mail.Imap.Messages;

/// <summary>How UID STORE changes flags (RFC 3501 section 6.4.6).</summary>
public enum ImapFlagChange
{
    /// <summary><c>+FLAGS</c>: add the flags.</summary>
    Add,

    /// <summary><c>-FLAGS</c>: remove the flags.</summary>
    Remove,

    /// <summary><c>FLAGS</c>: replace all flags with these.</summary>
    Replace,
}

/// <summary>What UID STORE did.</summary>
/// <param name="Updated">
/// The messages the server reported after the change (new FLAGS and, with CONDSTORE, MODSEQ). With .SILENT a
/// server sends none, except MODSEQ-only updates under CONDSTORE (RFC 7162 section 3.1.3).
/// </param>
/// <param name="Modified">
/// With UNCHANGEDSINCE: the UIDs left unchanged because their mod-sequence was higher than given, i.e. someone
/// else changed them first (<c>[MODIFIED uids]</c>, RFC 7162 section 3.1.3); empty when all were stored.
/// </param>
public sealed record ImapStoreResult(IReadOnlyList<FetchedMessage> Updated, UidSet Modified);

/// <summary>The UID an appended message received (APPENDUID, RFC 4315 section 3).</summary>
public sealed record ImapAppendResult(uint UidValidity, uint Uid);

/// <summary>
/// Where copied or moved messages went (COPYUID, RFC 4315 section 3): the destination's UIDVALIDITY and each
/// source UID's new UID. Source UIDs that no longer existed are absent.
/// </summary>
public sealed record ImapCopyResult(uint UidValidity, IReadOnlyDictionary<uint, uint> Uids)
{
    /// <summary>The source UIDs that were copied.</summary>
    public UidSet SourceUids => UidSet.From(Uids.Keys);

    /// <summary>The UIDs the copies received.</summary>
    public UidSet DestinationUids => UidSet.From(Uids.Values);
}
