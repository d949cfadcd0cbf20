namespace Eas.Mail.Imap;

/// <summary>How the session learns about changes, decided by <see cref="ImapClient.EnableChangeTrackingAsync"/>.</summary>
public enum ImapChangeTracking
{
    /// <summary>Neither CONDSTORE nor QRESYNC: changes are found by comparing UIDs and flags.</summary>
    None,

    /// <summary>
    /// CONDSTORE (RFC 7162 section 3.1): mod-sequences, HIGHESTMODSEQ, CHANGEDSINCE and UNCHANGEDSINCE; expunged
    /// messages are still found only by listing UIDs.
    /// </summary>
    CondStore,

    /// <summary>
    /// QRESYNC (RFC 7162 section 3.2), which includes CONDSTORE: SELECT with QRESYNC and FETCH with VANISHED
    /// report expunged UIDs, and expunges arrive as VANISHED rather than EXPUNGE.
    /// </summary>
    QuickResync,
}
