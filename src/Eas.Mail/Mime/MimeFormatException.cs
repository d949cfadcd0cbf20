namespace Eas.Mail.Mime;

/// <summary>
/// A message exceeded a <see cref="MimeLimits"/> bound (nesting depth, number of parts, size of one header
/// block). It is the only exception the MIME reader raises because of the message's content: every other
/// defect (a missing boundary, a broken encoded-word, a bad charset) is tolerated the way mail clients do,
/// since RFC 2045 section 2 and RFC 5322 section 4 ask receivers to accept the obsolete and the broken.
/// </summary>
public class MimeFormatException : Exception
{
    public MimeFormatException(string message, long offset)
        : base($"{message} (at byte {offset})")
    {
        Reason = message;
        Offset = offset;
    }

    public MimeFormatException() : this("The message exceeds a MIME reader limit", 0) { }

    public MimeFormatException(string message) : this(message, 0) { }

    public MimeFormatException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Which limit was exceeded, without the offset.</summary>
    public string Reason { get; } = "The message exceeds a MIME reader limit";

    /// <summary>Zero-based offset in the message where the limit was crossed.</summary>
    public long Offset { get; }
}
