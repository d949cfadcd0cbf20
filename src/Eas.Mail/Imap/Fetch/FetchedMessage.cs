namespace Eas.Mail.Imap.Fetch;

/// <summary>
/// What a FETCH response (RFC 3501 section 7.4.2) said about one message. Only the items asked for (or, for
/// an unsolicited FETCH, the items the server chose to send) are set; the others stay <see langword="null"/>.
/// </summary>
public sealed record FetchedMessage
{
    /// <summary>The message's UID; 0 in an unsolicited FETCH that did not carry one.</summary>
    public uint Uid { get; init; }

    /// <summary>The message sequence number the response was about, valid only at that moment.</summary>
    public uint SequenceNumber { get; init; }

    /// <summary>System flags (<c>\Seen</c>, <c>\Answered</c>...) and keywords, as sent.</summary>
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>The message's mod-sequence (RFC 7162 section 3.1.4.1).</summary>
    public ulong? ModSeq { get; init; }

    /// <summary>RFC822.SIZE: the message's size in octets, as a client fetching <c>BODY[]</c> would receive it.</summary>
    public ulong? Size { get; init; }

    /// <summary>INTERNALDATE: when the server received the message (or the date given to APPEND).</summary>
    public DateTimeOffset? InternalDate { get; init; }

    public ImapEnvelope? Envelope { get; init; }

    /// <summary>BODYSTRUCTURE, the tree of the message's MIME parts.</summary>
    public ImapBodyPart? Body { get; init; }

    /// <summary>
    /// PREVIEW (RFC 8970): up to 256 characters of the message's text, chosen by the server. With LAZY it stays
    /// <see langword="null"/> when the server had none computed yet.
    /// </summary>
    public string? Preview { get; init; }

    /// <summary>
    /// The raw octets of <c>BODY[HEADER.FIELDS (...)]</c>: the requested header lines, unfolded by nobody and
    /// not decoded, ending with the empty line. Empty when the message has none of the fields.
    /// </summary>
    public ReadOnlyMemory<byte>? HeaderFields { get; init; }

    /// <summary>Whether <see cref="Flags"/> holds <paramref name="flag"/> (flags compare case-insensitively).</summary>
    public bool HasFlag(string flag) => Flags?.Contains(flag, StringComparer.OrdinalIgnoreCase) == true;
}
