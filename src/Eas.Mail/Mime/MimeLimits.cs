namespace Eas.Mail.Mime;

/// <summary>
/// Bounds on what <see cref="MimeReader"/> accepts. RFC 2046 sets no limit on nesting or on the number of
/// body parts, so a hostile message could otherwise make the server recurse or allocate without end.
/// Exceeding a bound raises <see cref="MimeFormatException"/>; nothing else does.
/// </summary>
public sealed record MimeLimits
{
    /// <summary>The defaults: depth 32, 2,000 parts, 1 MiB per header block.</summary>
    public static MimeLimits Default { get; } = new();

    /// <summary>
    /// Deepest nesting of multiparts and encapsulated messages; the top-level body has depth 0. Real mail rarely
    /// goes past 6 (a forwarded, signed message with alternatives and related images).
    /// </summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most entities (leaves, multiparts and message/rfc822 parts together) in one message.</summary>
    public int MaxParts { get; init; } = 2_000;

    /// <summary>
    /// Largest single header block in bytes (the top-level header, or the MIME header of one part). A block with
    /// no blank line after it also ends here, so this bounds the memory a header-only message can take.
    /// </summary>
    public int MaxHeaderBytes { get; init; } = 1024 * 1024;
}
