using System.Text;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// A decoded text body (the text/plain or text/html part, transfer encoding and charset undone). The text
/// may be only the start of the body when the caller fetched a prefix; <see cref="Size"/> is always the
/// size of the whole body in UTF-8 bytes, which becomes airsyncbase:EstimatedDataSize (MS-ASAIRS 2.2.2.23).
/// </summary>
/// <param name="Text">The body, or its first part.</param>
/// <param name="Size">The whole body's size in UTF-8 bytes.</param>
public sealed record EmailBodyText(string Text, long Size)
{
    /// <summary>A body the caller has whole; its size is counted.</summary>
    public static EmailBodyText Complete(string text) => new(text, Encoding.UTF8.GetByteCount(text));

    /// <summary>Whether <see cref="Text"/> is the whole body.</summary>
    public bool IsComplete => Encoding.UTF8.GetByteCount(Text) >= Size;
}
