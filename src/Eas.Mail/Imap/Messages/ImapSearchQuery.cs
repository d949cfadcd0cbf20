using System.Globalization;

namespace Eas.Mail.Imap.Messages;

/// <summary>
/// Search criteria for UID SEARCH (RFC 3501 section 6.4.4), built from typed keys: <c>All.And(Since(d))</c> or
/// <c>Not(Deleted)</c>. Keys side by side must all match; <see cref="Or"/> and <see cref="Not"/> combine. Every
/// key is 7-bit, so no CHARSET is needed. Dates compare against the internal date in the server's time zone,
/// ignoring the time of day.
/// </summary>
public sealed class ImapSearchQuery
{
    private readonly string _text;
    private readonly bool _isSingleKey;

    private ImapSearchQuery(string text, bool isSingleKey, bool usesModSeq)
    {
        _text = text;
        _isSingleKey = isSingleKey;
        UsesModSeq = usesModSeq;
    }

    public static ImapSearchQuery All { get; } = Key("ALL");

    /// <summary>Messages with \Deleted set.</summary>
    public static ImapSearchQuery Deleted { get; } = Key("DELETED");

    /// <summary>Messages without \Deleted: <c>NOT DELETED</c>.</summary>
    public static ImapSearchQuery NotDeleted { get; } = Not(Deleted);

    public static ImapSearchQuery Seen { get; } = Key("SEEN");

    public static ImapSearchQuery Unseen { get; } = Key("UNSEEN");

    public static ImapSearchQuery Flagged { get; } = Key("FLAGGED");

    /// <summary>Whether the criteria use MODSEQ, which needs CONDSTORE (RFC 7162 section 3.1.5).</summary>
    public bool UsesModSeq { get; }

    /// <summary>Messages whose internal date is on or after <paramref name="date"/> (<c>SINCE</c>).</summary>
    public static ImapSearchQuery Since(DateOnly date) => Key("SINCE " + FormatDate(date));

    /// <summary>Messages whose internal date is before <paramref name="date"/> (<c>BEFORE</c>).</summary>
    public static ImapSearchQuery Before(DateOnly date) => Key("BEFORE " + FormatDate(date));

    /// <summary>Messages whose UID is in the set (<c>UID</c>).</summary>
    public static ImapSearchQuery Uids(UidSet uids)
    {
        if (uids.IsEmpty) throw new ArgumentException("IMAP cannot express an empty UID set.", nameof(uids));
        return Key("UID " + uids);
    }

    /// <summary>Messages whose mod-sequence is at least <paramref name="modSeq"/> (<c>MODSEQ</c>, RFC 7162 section 3.1.5).</summary>
    public static ImapSearchQuery ModSeq(ulong modSeq) =>
        new(string.Create(CultureInfo.InvariantCulture, $"MODSEQ {modSeq}"), isSingleKey: true, usesModSeq: true);

    public static ImapSearchQuery Not(ImapSearchQuery query) => new("NOT " + query.Grouped(), isSingleKey: true, query.UsesModSeq);

    public static ImapSearchQuery Or(ImapSearchQuery left, ImapSearchQuery right) =>
        new($"OR {left.Grouped()} {right.Grouped()}", isSingleKey: true, left.UsesModSeq || right.UsesModSeq);

    /// <summary>Messages matching both this and <paramref name="other"/>.</summary>
    public ImapSearchQuery And(ImapSearchQuery other) =>
        new($"{_text} {other._text}", isSingleKey: false, UsesModSeq || other.UsesModSeq);

    /// <summary>The criteria as sent, e.g. <c>SINCE 1-Feb-2024 NOT DELETED</c>.</summary>
    public override string ToString() => _text;

    private static ImapSearchQuery Key(string text) => new(text, isSingleKey: true, usesModSeq: false);

    /// <summary>RFC 3501 <c>date</c>: <c>1-Feb-2024</c>, English month names.</summary>
    private static string FormatDate(DateOnly date) => date.ToString("d-MMM-yyyy", CultureInfo.InvariantCulture);

    private string Grouped() => _isSingleKey ? _text : $"({_text})";
}
