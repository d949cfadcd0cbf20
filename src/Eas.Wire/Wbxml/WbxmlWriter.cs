using System.Buffers;
using System.Text;
using Eas.Wire.CodePages;
using static Eas.Wire.Wbxml.WbxmlGlobalTokens;

namespace Eas.Wire.Wbxml;

/// <summary>
/// A forward-only writer of EAS WBXML (MS-ASWBXML 2.1.2) into an <see cref="IBufferWriter{T}"/>. A start
/// tag is held back until the next call shows whether the element has content, so callers never say in
/// advance; an element ended with nothing inside is written as an empty tag, as libwbxml and Exchange do.
/// SWITCH_PAGE is written only when the page changes.
/// </summary>
public sealed class WbxmlWriter
{
    /// <summary>Texts longer than this are measured before they are encoded; shorter ones ask for their largest UTF-8 size.</summary>
    private const int ExactCountFrom = 1024;

    private readonly IBufferWriter<byte> _output;
    private readonly Stack<ushort> _open = new();
    private ushort? _pendingTag;
    private byte _page;

    public WbxmlWriter(IBufferWriter<byte> output)
    {
        _output = output;
        Span<byte> header = [Version13, PublicIdUnknown, CharsetUtf8, 0x00];
        _output.Write(header);
    }

    /// <summary>Encodes a whole element tree.</summary>
    public static byte[] Encode(WbxmlElement root)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new WbxmlWriter(buffer);
        writer.WriteElement(root);
        writer.Finish();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Opens an element.</summary>
    public void StartElement(ushort tag)
    {
        if (!CodePageTable.IsKnown(tag)) throw new ArgumentOutOfRangeException(nameof(tag), $"Unknown tag 0x{tag:X4}.");
        FlushPending(withContent: true);
        _pendingTag = tag;
        _open.Push(tag);
    }

    /// <summary>Closes the innermost open element.</summary>
    public void EndElement()
    {
        if (_open.Count == 0) throw new InvalidOperationException("No element is open.");
        _open.Pop();
        if (_pendingTag is not null)
        {
            FlushPending(withContent: false);
            return;
        }

        WriteByte(End);
    }

    /// <summary>
    /// Writes an inline string into the open element. NUL characters cannot be carried by STR_I and are
    /// dropped; an empty string writes nothing, so the element stays empty.
    /// </summary>
    public void WriteString(ReadOnlySpan<char> value)
    {
        if (_open.Count == 0) throw new InvalidOperationException("No element is open.");
        if (value.IsEmpty) return;
        FlushPending(withContent: true);
        WriteByte(StrI);
        // A long text (a body) is counted first, so the output is not asked for three times its size.
        var size = value.Length <= ExactCountFrom ? Encoding.UTF8.GetMaxByteCount(value.Length) : Encoding.UTF8.GetByteCount(value);
        var span = _output.GetSpan(size + 1);
        var written = Encoding.UTF8.GetBytes(value, span);
        if (span[..written].Contains((byte)0))
            written = RemoveNuls(span[..written]);
        span[written] = 0;
        _output.Advance(written + 1);
    }

    /// <summary>Writes opaque bytes into the open element.</summary>
    public void WriteOpaque(ReadOnlySpan<byte> value)
    {
        if (_open.Count == 0) throw new InvalidOperationException("No element is open.");
        FlushPending(withContent: true);
        WriteByte(Opaque);
        WriteMultiByteInt((uint)value.Length);
        _output.Write(value);
    }

    /// <summary>
    /// Writes <paramref name="content"/> as an inline string into the open element: STR_I, the bytes, NUL (the form a
    /// MIME body's airsyncbase:Data takes, a string, MS-ASAIRS 2.2.2.20.1). A NUL byte inside is written as a space
    /// (<see cref="WbxmlStrings"/>). Only a <see cref="SegmentedBody"/> output can take it: the bytes stay in their
    /// stream until the body is written. Empty content writes nothing, so the element stays empty.
    /// </summary>
    public void WriteString(BinaryContent content) => WriteStreamedString(content, BinaryContentForm.InlineString);

    /// <summary>
    /// Writes the base64 form of <paramref name="content"/> as an inline string into the open element (the string
    /// form of binary data, as ItemOperations Data is, MS-ASCMD 2.2.3.39.2). Only a <see cref="SegmentedBody"/>
    /// output can take it: the bytes stay in their stream until the body is written. Empty content writes nothing,
    /// so the element stays empty.
    /// </summary>
    public void WriteBase64(BinaryContent content) => WriteStreamedString(content, BinaryContentForm.Base64);

    /// <summary>STR_I, the content in <paramref name="form"/> appended to the body as a segment, NUL.</summary>
    private void WriteStreamedString(BinaryContent content, BinaryContentForm form)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (_open.Count == 0) throw new InvalidOperationException("No element is open.");
        if (_output is not SegmentedBody body) throw new InvalidOperationException("Streamed content needs a SegmentedBody output.");
        if (content.Length == 0) return;
        FlushPending(withContent: true);
        WriteByte(StrI);
        body.AppendContent(content, form);
        WriteByte(0);
    }

    /// <summary>Writes <c>&lt;tag&gt;value&lt;/tag&gt;</c>.</summary>
    public void WriteElementString(ushort tag, ReadOnlySpan<char> value)
    {
        StartElement(tag);
        WriteString(value);
        EndElement();
    }

    /// <summary>Writes an integer value as its invariant decimal text.</summary>
    public void WriteElementInt(ushort tag, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var length, provider: System.Globalization.CultureInfo.InvariantCulture);
        WriteElementString(tag, digits[..length]);
    }

    /// <summary>Writes an element without content.</summary>
    public void WriteEmptyElement(ushort tag)
    {
        StartElement(tag);
        EndElement();
    }

    /// <summary>Writes an element and all its descendants.</summary>
    public void WriteElement(WbxmlElement element)
    {
        StartElement(element.Tag);
        switch (element.ValueKind)
        {
            case WbxmlValueKind.Text when element.ComposedText is { } text:
                WriteString(text);
                break;
            case WbxmlValueKind.Text:
                WriteUtf8String(element.RawValue.Span);
                break;
            case WbxmlValueKind.Opaque:
                WriteOpaque(element.RawValue.Span);
                break;
            default:
                foreach (var child in element.Children) WriteElement(child);
                break;
        }

        EndElement();
    }

    /// <summary>Checks that every element was closed.</summary>
    public void Finish()
    {
        if (_open.Count != 0) throw new InvalidOperationException($"{_open.Count} element(s) still open.");
    }

    private void WriteUtf8String(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return;
        FlushPending(withContent: true);
        WriteByte(StrI);
        _output.Write(utf8);
        WriteByte(0);
    }

    private void FlushPending(bool withContent)
    {
        if (_pendingTag is not { } tag) return;
        _pendingTag = null;
        var page = (byte)(tag >> 8);
        if (page != _page)
        {
            WriteByte(SwitchPage);
            WriteByte(page);
            _page = page;
        }

        WriteByte((byte)((tag & 0x3F) | (withContent ? ContentBit : 0)));
    }

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    private void WriteMultiByteInt(uint value)
    {
        Span<byte> bytes = stackalloc byte[5];
        var index = 4;
        bytes[index] = (byte)(value & 0x7F);
        while ((value >>= 7) != 0) bytes[--index] = (byte)(0x80 | (value & 0x7F));
        _output.Write(bytes[index..]);
    }

    private static int RemoveNuls(Span<byte> bytes)
    {
        var kept = 0;
        foreach (var b in bytes)
            if (b != 0) bytes[kept++] = b;
        return kept;
    }
}
