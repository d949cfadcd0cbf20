namespace Eas.Mail.Mime;

/// <summary>
/// One header field (RFC 5322 section 2.2) as it appeared in the message. <see cref="Value"/> is unfolded
/// (section 2.2.3: each line break followed by a blank is removed, the blank kept) and trimmed, and its raw bytes
/// are read as UTF-8 when valid, else as ISO-8859-1 (8-bit header text, RFC 6532). Encoded-words (RFC 2047)
/// are left in <see cref="Value"/>; <see cref="GetText"/> decodes them for unstructured fields.
/// </summary>
public sealed class HeaderField
{
    internal HeaderField(string name, string value, ReadOnlyMemory<byte> rawBytes)
    {
        Name = name;
        Value = value;
        RawBytes = rawBytes;
    }

    /// <summary>The field name as written; empty for a line that is not a field (no colon), kept only in the raw form.</summary>
    public string Name { get; }

    /// <summary>The unfolded, trimmed field body.</summary>
    public string Value { get; }

    /// <summary>The whole field exactly as in the message: name, colon, folded body, final line break.</summary>
    public ReadOnlyMemory<byte> RawBytes { get; }

    /// <summary>The body as unstructured text (RFC 5322 section 3.2.5) with RFC 2047 encoded-words decoded.</summary>
    public string GetText() => EncodedWords.DecodeText(Value);

    public override string ToString() => $"{Name}: {Value}";
}
