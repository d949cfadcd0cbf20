using System.Text;

namespace Eas.Mail.Imap.Fetch;

/// <summary>The message data items to fetch (RFC 3501 section 6.4.5); UID is always fetched.</summary>
[Flags]
public enum ImapFetchItems
{
    None = 0,

    /// <summary>FLAGS.</summary>
    Flags = 1 << 0,

    /// <summary>MODSEQ (RFC 7162 section 3.1.4.1); needs CONDSTORE and enables it for the session.</summary>
    ModSeq = 1 << 1,

    /// <summary>RFC822.SIZE.</summary>
    Size = 1 << 2,

    /// <summary>INTERNALDATE.</summary>
    InternalDate = 1 << 3,

    /// <summary>ENVELOPE.</summary>
    Envelope = 1 << 4,

    /// <summary>BODYSTRUCTURE.</summary>
    BodyStructure = 1 << 5,

    /// <summary>PREVIEW (RFC 8970); left out when the server does not offer PREVIEW.</summary>
    Preview = 1 << 6,

    /// <summary>What a message list needs: flags, mod-sequence, size, date, envelope and structure.</summary>
    Summary = Flags | ModSeq | Size | InternalDate | Envelope | BodyStructure,
}

/// <summary>What to fetch for each message.</summary>
/// <param name="Items">The data items.</param>
public sealed record ImapFetchRequest(ImapFetchItems Items)
{
    /// <summary>
    /// Header field names for <c>BODY.PEEK[HEADER.FIELDS (...)]</c> (which leaves <c>\Seen</c> alone), e.g.
    /// <c>Importance</c>, <c>Thread-Index</c>; empty for none. Names are RFC 5322 field names (letters, digits, <c>-</c>).
    /// </summary>
    public IReadOnlyList<string> HeaderFields { get; init; } = [];

    /// <summary>
    /// Ask for PREVIEW with the LAZY modifier (RFC 8970 section 3.2): the server answers NIL rather than
    /// spending time on a preview it has not computed yet.
    /// </summary>
    public bool LazyPreview { get; init; }

    /// <summary>
    /// The parenthesized item list for UID FETCH, leaving out what the server does not offer (PREVIEW without
    /// the PREVIEW capability, MODSEQ without CONDSTORE).
    /// </summary>
    internal string ToSyntax(ImapCapabilities capabilities)
    {
        var text = new StringBuilder("(UID");
        if (Items.HasFlag(ImapFetchItems.Flags)) text.Append(" FLAGS");
        if (Items.HasFlag(ImapFetchItems.ModSeq) && capabilities.Contains("CONDSTORE")) text.Append(" MODSEQ");
        if (Items.HasFlag(ImapFetchItems.Size)) text.Append(" RFC822.SIZE");
        if (Items.HasFlag(ImapFetchItems.InternalDate)) text.Append(" INTERNALDATE");
        if (Items.HasFlag(ImapFetchItems.Envelope)) text.Append(" ENVELOPE");
        if (Items.HasFlag(ImapFetchItems.BodyStructure)) text.Append(" BODYSTRUCTURE");
        if (Items.HasFlag(ImapFetchItems.Preview) && capabilities.Contains("PREVIEW"))
            text.Append(LazyPreview ? " PREVIEW (LAZY)" : " PREVIEW");
        if (HeaderFields.Count > 0)
        {
            foreach (var field in HeaderFields)
            {
                if (field.Length == 0 || !field.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                    throw new ArgumentException($"\"{field}\" is not a header field name this client sends (letters, digits, '-', '_', '.').");
            }

            text.Append(" BODY.PEEK[HEADER.FIELDS (").AppendJoin(' ', HeaderFields).Append(")]");
        }

        return text.Append(')').ToString();
    }

    /// <summary>Whether the request makes the server enable CONDSTORE (RFC 7162 section 3.1).</summary>
    internal bool UsesModSeq(ImapCapabilities capabilities) =>
        Items.HasFlag(ImapFetchItems.ModSeq) && capabilities.Contains("CONDSTORE");
}
