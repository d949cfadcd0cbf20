using System.Text;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// A decoded text body (the text/plain or text/html part, transfer encoding and charset undone), held as UTF-8, the
/// form a WBXML document carries it in (MS-ASWBXML 2.1.2.1.1), so the common body paths go from the part to the
/// element without a string. The text may be only the start of the body when the caller fetched a prefix;
/// <see cref="Size"/> is always the size of the whole body in UTF-8 bytes, which becomes airsyncbase:EstimatedDataSize
/// (MS-ASAIRS 2.2.2.23).
/// </summary>
public sealed class EmailBodyText : IEquatable<EmailBodyText>
{
    /// <param name="utf8">The body, or its first part, as well-formed UTF-8; the bytes are not copied and must not change.</param>
    /// <param name="size">The whole body's size in UTF-8 bytes.</param>
    public EmailBodyText(ReadOnlyMemory<byte> utf8, long size)
    {
        Utf8 = utf8;
        Size = size;
    }

    /// <param name="text">The body, or its first part.</param>
    /// <param name="size">The whole body's size in UTF-8 bytes.</param>
    public EmailBodyText(string text, long size)
        : this(Encoding.UTF8.GetBytes(text), size)
    {
    }

    /// <summary>The body, or its first part, as UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>The whole body's size in UTF-8 bytes.</summary>
    public long Size { get; }

    /// <summary>
    /// The body, or its first part, decoded to a new string on each call: only for the paths that need one (HTML to
    /// text, RTF, a plain body as HTML, Find's preview).
    /// </summary>
    public string Text => Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>Whether <see cref="Utf8"/> is the whole body.</summary>
    public bool IsComplete => Utf8.Length >= Size;

    /// <summary>A body the caller has whole; its size is counted.</summary>
    public static EmailBodyText Complete(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        return new(utf8, utf8.Length);
    }

    public bool Equals(EmailBodyText? other) =>
        other is not null && Size == other.Size && Utf8.Span.SequenceEqual(other.Utf8.Span);

    public override bool Equals(object? obj) => Equals(obj as EmailBodyText);

    public override int GetHashCode() => HashCode.Combine(Size, Utf8.Length);

    public override string ToString() => $"EmailBodyText {{ Text = {Text}, Size = {Size} }}";
}
