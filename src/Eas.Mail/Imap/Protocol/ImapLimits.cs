namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// Bounds on what the response reader accepts from a server. IMAP itself sets no limits (RFC 3501 section 4.3
/// only says a literal is "a sequence of zero or more octets"), so a broken or hostile server could otherwise
/// make the client allocate without end. Exceeding a limit raises <see cref="ImapProtocolException"/> and ends
/// the session.
/// </summary>
public sealed record ImapLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static ImapLimits Default { get; } = new();

    /// <summary>Longest line (between CRLFs, not counting literals) accepted; 256 KiB by default.</summary>
    public int MaxLineLength { get; init; } = 256 * 1024;

    /// <summary>Largest single literal (<c>{n}</c>) accepted; 64 MiB by default.</summary>
    public int MaxLiteralLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>Largest whole response (all lines and literals together); 128 MiB by default.</summary>
    public long MaxResponseLength { get; init; } = 128L * 1024 * 1024;

    /// <summary>Deepest nesting of parenthesized lists and brackets (BODYSTRUCTURE nests); 64 by default.</summary>
    public int MaxDepth { get; init; } = 64;
}
