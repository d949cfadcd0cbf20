using System.Text.Unicode;
using Eas.Wire.CodePages;
using static Eas.Wire.Wbxml.WbxmlGlobalTokens;

namespace Eas.Wire.Wbxml;

/// <summary>
/// A forward-only pull reader for the WBXML subset EAS uses (MS-ASWBXML 2.1.2): version 1.3, public id 1,
/// UTF-8, an empty string table, and in the body only SWITCH_PAGE, END, STR_I, OPAQUE and tags with or
/// without content. Every other construct, an unknown page or token, invalid UTF-8, a truncated document
/// or trailing bytes raise <see cref="WbxmlException"/> naming the offset; no other exception escapes.
/// Values are slices of the input, so reading allocates nothing.
/// </summary>
public struct WbxmlReader
{
    private readonly ReadOnlyMemory<byte> _document;
    private readonly WbxmlLimits _limits;
    private int _position;
    private byte _page;
    private int _depth;
    private int _elements;
    private bool _pendingEmptyEnd;
    private bool _headerRead;

    public WbxmlReader(ReadOnlyMemory<byte> document, WbxmlLimits? limits = null)
    {
        _limits = limits ?? WbxmlLimits.Default;
        if (document.Length > _limits.MaxDocumentBytes)
            throw new WbxmlException($"Document of {document.Length} bytes exceeds the limit of {_limits.MaxDocumentBytes}", 0);
        _document = document;
        NodeType = WbxmlNodeType.None;
    }

    /// <summary>The node just read.</summary>
    public WbxmlNodeType NodeType { get; private set; }

    /// <summary>The element tag (page and token) of a StartElement or EndElement.</summary>
    public ushort Tag { get; private set; }

    /// <summary>For a StartElement: whether the content bit was set.</summary>
    public bool HasContent { get; private set; }

    /// <summary>For Text, the UTF-8 bytes without the terminator; for Opaque, the bytes.</summary>
    public ReadOnlyMemory<byte> Value { get; private set; }

    /// <summary>Nesting depth of the current element (the root is 1).</summary>
    public readonly int Depth => _depth;

    /// <summary>Offset where the current node started.</summary>
    public int NodeOffset { get; private set; }

    /// <summary>Reads the next node; returns false once <see cref="WbxmlNodeType.EndOfDocument"/> was reached.</summary>
    public bool Read()
    {
        if (!_headerRead)
        {
            ReadHeader();
            _headerRead = true;
        }

        if (_pendingEmptyEnd)
        {
            _pendingEmptyEnd = false;
            _depth--;
            NodeType = WbxmlNodeType.EndElement;
            return true;
        }

        if (NodeType == WbxmlNodeType.EndOfDocument)
            return false;

        if (_depth == 0 && NodeType == WbxmlNodeType.EndElement)
        {
            SkipSwitchPages();
            if (_position != _document.Length)
                throw new WbxmlException("Bytes after the end of the root element", _position);
            NodeType = WbxmlNodeType.EndOfDocument;
            return false;
        }

        SkipSwitchPages();
        var span = _document.Span;
        NodeOffset = _position;
        if (_position >= span.Length)
            throw new WbxmlException(_depth == 0 ? "Document has no root element" : "Document ends inside an element", _position);

        var token = span[_position++];
        switch (token)
        {
            case End:
                if (_depth == 0) throw new WbxmlException("END without an open element", NodeOffset);
                _depth--;
                NodeType = WbxmlNodeType.EndElement;
                return true;
            case StrI:
                RequireOpenElement("STR_I");
                ReadInlineString();
                return true;
            case Opaque:
                RequireOpenElement("OPAQUE");
                ReadOpaque();
                return true;
            case Entity or Literal or Pi or StrT or 0x44 or 0x84 or 0xC4:
                throw new WbxmlException($"Token 0x{token:X2} (entities, literals, processing instructions, string-table references) is not used by EAS", NodeOffset);
            case >= 0x40 and <= 0x42 or >= 0x80 and <= 0x82 or >= 0xC0 and <= 0xC2:
                throw new WbxmlException($"Extension token 0x{token:X2} is not used by EAS", NodeOffset);
            default:
                ReadTag(token);
                return true;
        }
    }

    private void ReadHeader()
    {
        var span = _document.Span;
        if (span.Length < 4) throw new WbxmlException("Document shorter than the WBXML header", span.Length);
        if (span[0] != Version13) throw new WbxmlException($"WBXML version 0x{span[0]:X2} is not 1.3 (0x03)", 0);
        _position = 1;
        var publicId = ReadMultiByteInt();
        if (publicId == 0) throw new WbxmlException("Public identifiers from the string table are not supported", 1);
        if (publicId != PublicIdUnknown) throw new WbxmlException($"Public id {publicId} is not 1 (unknown), as EAS sends", 1);
        var charsetOffset = _position;
        var charset = ReadMultiByteInt();
        if (charset != CharsetUtf8) throw new WbxmlException($"Charset MIBenum {charset} is not UTF-8 (106)", charsetOffset);
        var tableOffset = _position;
        if (ReadMultiByteInt() != 0) throw new WbxmlException("String tables are not supported", tableOffset);
    }

    private void ReadTag(byte token)
    {
        if ((token & AttributeBit) != 0) throw new WbxmlException("Attributes are not used by EAS", NodeOffset);
        if (_depth > 0 && NodeType is WbxmlNodeType.Text or WbxmlNodeType.Opaque)
            throw new WbxmlException("Element mixes a value with child elements", NodeOffset);
        var tag = (ushort)((_page << 8) | (token & 0x3F));
        if (!CodePageTable.IsKnown(tag))
            throw new WbxmlException($"Unknown token 0x{token & 0x3F:X2} on code page {_page} ({CodePageTable.NamespaceOf(_page)})", NodeOffset);
        if (++_elements > _limits.MaxElements)
            throw new WbxmlException($"More than {_limits.MaxElements} elements", NodeOffset);
        if (++_depth > _limits.MaxDepth)
            throw new WbxmlException($"Nesting deeper than {_limits.MaxDepth}", NodeOffset);
        Tag = tag;
        HasContent = (token & ContentBit) != 0;
        _pendingEmptyEnd = !HasContent;
        Value = default;
        NodeType = WbxmlNodeType.StartElement;
    }

    private void ReadInlineString()
    {
        if (NodeType is WbxmlNodeType.Text or WbxmlNodeType.Opaque)
            throw new WbxmlException("Element has more than one value", NodeOffset);
        if (NodeType != WbxmlNodeType.StartElement)
            throw new WbxmlException("Element mixes a value with child elements", NodeOffset);
        var span = _document.Span;
        var length = span[_position..].IndexOf((byte)0);
        if (length < 0) throw new WbxmlException("Inline string has no terminator", NodeOffset);
        if (length > _limits.MaxStringBytes)
            throw new WbxmlException($"Inline string of {length} bytes exceeds the limit of {_limits.MaxStringBytes}", NodeOffset);
        var value = _document.Slice(_position, length);
        if (!Utf8.IsValid(value.Span)) throw new WbxmlException("Inline string is not valid UTF-8", _position);
        _position += length + 1;
        Value = value;
        NodeType = WbxmlNodeType.Text;
    }

    private void ReadOpaque()
    {
        if (NodeType is WbxmlNodeType.Text or WbxmlNodeType.Opaque)
            throw new WbxmlException("Element has more than one value", NodeOffset);
        if (NodeType != WbxmlNodeType.StartElement)
            throw new WbxmlException("Element mixes a value with child elements", NodeOffset);
        var length = ReadMultiByteInt();
        if (length > (uint)_limits.MaxOpaqueBytes)
            throw new WbxmlException($"Opaque value of {length} bytes exceeds the limit of {_limits.MaxOpaqueBytes}", NodeOffset);
        if (length > (uint)(_document.Length - _position))
            throw new WbxmlException($"Opaque value of {length} bytes runs past the end of the document", NodeOffset);
        Value = _document.Slice(_position, (int)length);
        _position += (int)length;
        NodeType = WbxmlNodeType.Opaque;
    }

    private void RequireOpenElement(string what)
    {
        if (_depth == 0) throw new WbxmlException($"{what} outside the root element", NodeOffset);
    }

    private void SkipSwitchPages()
    {
        var span = _document.Span;
        while (_position < span.Length && span[_position] == SwitchPage)
        {
            var at = _position;
            if (_position + 1 >= span.Length) throw new WbxmlException("SWITCH_PAGE without a page number", at);
            var page = span[_position + 1];
            if (!CodePageTable.IsKnownPage(page)) throw new WbxmlException($"Unknown code page {page}", at + 1);
            _page = page;
            _position += 2;
        }
    }

    /// <summary>Reads a WBXML mb_u_int32 (WAP-192 5.1): at most five bytes, high bit means "more".</summary>
    private uint ReadMultiByteInt()
    {
        var span = _document.Span;
        var start = _position;
        uint value = 0;
        for (var i = 0; i < 5; i++)
        {
            if (_position >= span.Length) throw new WbxmlException("Document ends inside a multi-byte integer", start);
            var b = span[_position++];
            if (i == 4 && (value > 0x1FFFFFF || (b & 0x80) != 0))
                throw new WbxmlException("Multi-byte integer overflows 32 bits", start);
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0) return value;
        }

        throw new WbxmlException("Multi-byte integer overflows 32 bits", start);
    }
}
