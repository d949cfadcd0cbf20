namespace Eas.Mail.Mime.Writing;

/// <summary>How <see cref="SmartComposer"/> combines the phone's message with the original.</summary>
public sealed record SmartComposeOptions
{
    /// <summary>No ReplaceMime, original attachments forwarded, 4 MiB of quoted text, default reader bounds.</summary>
    public static SmartComposeOptions Default { get; } = new();

    /// <summary>
    /// The request's ReplaceMime element (MS-ASCMD 2.2.3.148): the phone sends the whole message, so the server
    /// must not add the original's body or attachments; only the threading fields are added.
    /// </summary>
    public bool ReplaceMime { get; init; }

    /// <summary>Whether a SmartForward attaches the original's attachments (ignored for SmartReply).</summary>
    public bool IncludeOriginalAttachments { get; init; } = true;

    /// <summary>
    /// Most UTF-8 bytes of the original's text (and of its HTML) that are quoted inline. An original with more is
    /// attached whole as message/rfc822 instead, so a huge text body never becomes a huge string.
    /// </summary>
    public int MaxQuotedTextBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Bounds on the original's structure; an original beyond them is attached whole as message/rfc822.</summary>
    public MimeLimits OriginalLimits { get; init; } = MimeLimits.Default;
}
