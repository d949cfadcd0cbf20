namespace Eas.Mail.Mime;

/// <summary>
/// How much body text <see cref="MessageBodies.ExtractAsync"/> keeps. EAS clients ask per body type
/// (MS-ASAIRS 2.2.2.12 BodyPreference with a TruncationSize); null keeps the whole body, which then is in
/// memory whole.
/// </summary>
public sealed record MessageBodyOptions
{
    /// <summary>No truncation, UTF-8 bytes, default reader limits.</summary>
    public static MessageBodyOptions Default { get; } = new();

    /// <summary>Most of the plain-text body to keep, in <see cref="Unit"/>; null for all.</summary>
    public long? PlainTextLimit { get; init; }

    /// <summary>Most of the HTML body to keep, in <see cref="Unit"/>; null for all.</summary>
    public long? HtmlLimit { get; init; }

    public TruncationUnit Unit { get; init; } = TruncationUnit.Utf8Bytes;

    public MimeLimits Limits { get; init; } = MimeLimits.Default;
}
