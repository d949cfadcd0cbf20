using Eas.Mail.Imap.Fetch;

namespace Eas.Mail.Imap.Mailboxes;

/// <summary>
/// What SELECT or EXAMINE reported (RFC 3501 section 6.3.1, RFC 7162 sections 3.1.2 and 3.2.5): a snapshot taken
/// when the mailbox was opened. Later changes arrive as <see cref="ImapMailboxEvent"/>s.
/// </summary>
public sealed record SelectedMailbox
{
    /// <summary>The mailbox name as the caller gave it (decoded).</summary>
    public required string Name { get; init; }

    /// <summary>Opened with EXAMINE, or the server answered <c>[READ-ONLY]</c>.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The number of messages (EXISTS).</summary>
    public uint Exists { get; init; }

    /// <summary>The number of \Recent messages; IMAP4rev1 only.</summary>
    public uint Recent { get; init; }

    /// <summary>
    /// UIDVALIDITY: UIDs from an earlier session are valid only while this value is unchanged (RFC 3501 section
    /// 2.3.1.1); a change means every cached UID must be dropped and the mailbox synchronised from scratch.
    /// </summary>
    public uint UidValidity { get; init; }

    /// <summary>UIDNEXT, the UID the next message will get at least; null if the server did not say.</summary>
    public uint? UidNext { get; init; }

    /// <summary>HIGHESTMODSEQ (RFC 7162 section 3.1.2.1); null when not asked for or with NOMODSEQ.</summary>
    public ulong? HighestModSeq { get; init; }

    /// <summary>The server keeps no mod-sequences for this mailbox (<c>[NOMODSEQ]</c>, RFC 7162 section 3.1.2.2).</summary>
    public bool NoModSeq { get; init; }

    /// <summary>The flags defined in the mailbox (FLAGS).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The flags the client can change permanently; <c>\*</c> means new keywords may be created.</summary>
    public IReadOnlyList<string> PermanentFlags { get; init; } = [];

    /// <summary>The sequence number of the first unseen message (<c>[UNSEEN n]</c>), if given.</summary>
    public uint? FirstUnseen { get; init; }

    /// <summary>The RFC 8474 MAILBOXID, where the server offers OBJECTID.</summary>
    public string? MailboxId { get; init; }

    /// <summary>
    /// With QRESYNC: the known UIDs expunged since the given mod-sequence (<c>VANISHED (EARLIER)</c>, RFC 7162
    /// section 3.2.5.1). Empty when the UIDVALIDITY given did not match, in which case nothing is reported and
    /// the caller must resynchronise fully.
    /// </summary>
    public UidSet Vanished { get; init; } = UidSet.Empty;

    /// <summary>With QRESYNC: messages whose flags changed since the given mod-sequence, with UID, FLAGS and MODSEQ.</summary>
    public IReadOnlyList<FetchedMessage> Changed { get; init; } = [];
}

/// <summary>How to select a mailbox.</summary>
public sealed record ImapSelectOptions
{
    /// <summary>Add the CONDSTORE parameter (RFC 7162 section 3.1.8), so that HIGHESTMODSEQ is reported.</summary>
    public bool CondStore { get; init; }

    /// <summary>Add the QRESYNC parameter (RFC 7162 section 3.2.5); requires QRESYNC to be enabled first.</summary>
    public ImapQuickResync? QuickResync { get; init; }
}

/// <summary>
/// What the client remembers of a mailbox for a quick resynchronisation (RFC 7162 section 3.2.5): the
/// UIDVALIDITY and HIGHESTMODSEQ of its last sync, and optionally the UIDs it knows (which lets the server
/// limit VANISHED to them).
/// </summary>
public sealed record ImapQuickResync(uint UidValidity, ulong ModSeq, UidSet? KnownUids = null);
