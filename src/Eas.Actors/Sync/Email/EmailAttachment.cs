namespace Eas.Actors.Sync.Email;

/// <summary>
/// One attachment as the MIME side found it. <see cref="FileReference"/> is the caller's opaque handle
/// for fetching the bytes later: it becomes airsyncbase:FileReference (12.0+, fetched with ItemOperations)
/// or email:AttName (2.5, fetched with GetAttachment), so it must survive a round trip through the client.
/// </summary>
/// <param name="FileName">The file name shown to the user.</param>
/// <param name="ContentType">The MIME type, e.g. <c>application/pdf</c>.</param>
/// <param name="EstimatedSize">The decoded size in bytes, estimated from the encoded part when not known exactly.</param>
/// <param name="FileReference">The caller's handle for fetching the attachment.</param>
public sealed record EmailAttachment(string FileName, string ContentType, long EstimatedSize, string FileReference)
{
    /// <summary>The Content-ID without angle brackets, for inline parts an HTML body points to with <c>cid:</c>.</summary>
    public string? ContentId { get; init; }

    /// <summary>The Content-Location URI, when the part has one.</summary>
    public string? ContentLocation { get; init; }

    /// <summary>Whether the part is shown in the body (Content-Disposition inline and referenced) rather than listed.</summary>
    public bool IsInline { get; init; }

    /// <summary>How the part is attached; message/rfc822 parts can use <see cref="EmailAttachmentMethod.EmbeddedMessage"/>.</summary>
    public EmailAttachmentMethod Method { get; init; } = EmailAttachmentMethod.Normal;
}
