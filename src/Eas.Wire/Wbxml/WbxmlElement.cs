using System.Text;
using Eas.Wire.CodePages;

namespace Eas.Wire.Wbxml;

/// <summary>
/// One element of a decoded or composed EAS document: a tag (code page and token), and either a value
/// (text or opaque bytes) or child elements, never both, as EAS never mixes them. Children are linked as
/// siblings so that decoding costs one allocation per element; a decoded element's value is a slice of
/// the request bytes, decoded to a string only when asked for. A composed text element keeps its string and
/// the writer encodes it straight into the output, so a response's texts (a Sync window's bodies above all)
/// are never copied into byte arrays of their own; <see cref="RawValue"/> encodes it only when asked for.
/// </summary>
public sealed class WbxmlElement
{
    private WbxmlElement? _lastChild;

    /// <summary>The text of a composed text element (no NUL in it), which <see cref="RawValue"/> encodes when asked; null otherwise.</summary>
    private string? _text;

    private ReadOnlyMemory<byte> _rawValue;

    /// <summary>The UTF-8 of <see cref="_text"/> once asked for: a reference, so a reader on another thread never sees it half written.</summary>
    private byte[]? _encodedText;

    public WbxmlElement(ushort tag)
    {
        if (!CodePageTable.IsKnown(tag)) throw new ArgumentOutOfRangeException(nameof(tag), $"Unknown tag 0x{tag:X4}.");
        Tag = tag;
    }

    private WbxmlElement(ushort tag, WbxmlValueKind kind, ReadOnlyMemory<byte> value)
        : this(tag)
    {
        ValueKind = kind;
        _rawValue = value;
    }

    private WbxmlElement(ushort tag, string text)
        : this(tag)
    {
        ValueKind = WbxmlValueKind.Text;
        _text = text;
    }

    /// <summary>For the decoder: the reader has checked the tag already.</summary>
    private WbxmlElement(ushort tag, bool decoded)
    {
        Tag = tag;
        _ = decoded;
    }

    /// <summary>Page in the high byte, token in the low byte.</summary>
    public ushort Tag { get; }

    /// <summary>The code page's namespace, e.g. <c>AirSync</c>.</summary>
    public string Namespace => CodePageTable.NamespaceOf((byte)(Tag >> 8));

    /// <summary>The local name, e.g. <c>SyncKey</c>.</summary>
    public string Name => CodePageTable.NameOf(Tag);

    public WbxmlValueKind ValueKind { get; private set; }

    /// <summary>UTF-8 bytes of a text value, or the opaque bytes.</summary>
    public ReadOnlyMemory<byte> RawValue => _text is { Length: > 0 } text ? _encodedText ??= Encoding.UTF8.GetBytes(text) : _rawValue;

    /// <summary>The value as a string: text decoded from UTF-8, opaque bytes decoded as UTF-8 (EAS sends
    /// some strings, such as MIME, as opaque), empty when there is no value.</summary>
    public string Text => _text is { } text && !HasSurrogates(text)
        ? text
        : ValueKind == WbxmlValueKind.None ? string.Empty : Encoding.UTF8.GetString(RawValue.Span);

    /// <summary>The string of a composed text element, for the writer to encode in place; null when the value is bytes.</summary>
    internal string? ComposedText => _text;

    public WbxmlElement? FirstChild { get; private set; }

    public WbxmlElement? NextSibling { get; private set; }

    public bool HasChildren => FirstChild is not null;

    /// <summary>The children in document order; enumerating allocates nothing.</summary>
    public ChildEnumerable Children => new(FirstChild);

    /// <summary>An element with a text value.</summary>
    public static WbxmlElement WithText(ushort tag, string value) => new(tag, value.Replace("\0", string.Empty, StringComparison.Ordinal));

    /// <summary>
    /// An element with a text value given as its UTF-8 bytes, which must be well-formed UTF-8 (the document's charset,
    /// MS-ASWBXML 2.1.2.1.1): the same element <see cref="WithText"/> makes of the string those bytes decode to, without
    /// the string. NUL bytes are dropped as <see cref="WithText"/> drops NUL characters (STR_I cannot carry one,
    /// WAP-192 5.8.4.1); the bytes are not copied when they hold none, so the caller must not change them afterwards.
    /// </summary>
    public static WbxmlElement WithUtf8Text(ushort tag, ReadOnlyMemory<byte> utf8) => new(tag, WbxmlValueKind.Text, WbxmlStrings.DropNuls(utf8));

    /// <summary>
    /// An element whose text is given as its bytes, written as they are in an inline string: a string value whose
    /// bytes are not ours to re-encode, such as a MIME message in airsyncbase:Data (MS-ASAIRS 2.2.2.20.1) or
    /// email:MIMEData (MS-ASEMAIL 2.2.2.50), both string data types. A NUL byte becomes a space
    /// (<see cref="WbxmlStrings"/>); the bytes are not copied when they hold none.
    /// </summary>
    public static WbxmlElement WithStringBytes(ushort tag, ReadOnlyMemory<byte> value) => new(tag, WbxmlValueKind.Text, WbxmlStrings.WithoutNuls(value));

    /// <summary>An element with opaque bytes.</summary>
    public static WbxmlElement WithOpaque(ushort tag, ReadOnlyMemory<byte> value) => new(tag, WbxmlValueKind.Opaque, value);

    /// <summary>An element with the given children.</summary>
    public static WbxmlElement WithChildren(ushort tag, params IEnumerable<WbxmlElement> children)
    {
        var element = new WbxmlElement(tag);
        foreach (var child in children) element.Add(child);
        return element;
    }

    internal static WbxmlElement Decoded(ushort tag) => new(tag, decoded: true);

    /// <summary>For the decoder: sets the value of an element the reader has shown to hold no children.</summary>
    internal void SetDecodedValue(WbxmlValueKind kind, ReadOnlyMemory<byte> value)
    {
        ValueKind = kind;
        _rawValue = value;
    }

    /// <summary>A text with surrogates goes the way of its UTF-8 bytes, so a lone one reads as U+FFFD, as it is written.</summary>
    private static bool HasSurrogates(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>For the decoder: appends a child without the checks <see cref="Add"/> makes for callers.</summary>
    internal void AddDecoded(WbxmlElement child)
    {
        if (_lastChild is null) FirstChild = child;
        else _lastChild.NextSibling = child;
        _lastChild = child;
    }

    /// <summary>Appends a child; the element must not carry a value, and the child must not have a parent yet.</summary>
    public WbxmlElement Add(WbxmlElement child)
    {
        if (ValueKind != WbxmlValueKind.None) throw new InvalidOperationException("An element with a value cannot have children.");
        if (child.NextSibling is not null || ReferenceEquals(child, _lastChild) || ReferenceEquals(child, this))
            throw new InvalidOperationException("The child already belongs to an element.");
        if (_lastChild is null) FirstChild = child;
        else _lastChild.NextSibling = child;
        _lastChild = child;
        return this;
    }

    /// <summary>The first child with the tag, or null.</summary>
    public WbxmlElement? Element(ushort tag)
    {
        for (var child = FirstChild; child is not null; child = child.NextSibling)
            if (child.Tag == tag) return child;
        return null;
    }

    /// <summary>The text of the first child with the tag, or null when there is no such child.</summary>
    public string? ValueOf(ushort tag) => Element(tag)?.Text;

    /// <summary>All children with the tag.</summary>
    public IEnumerable<WbxmlElement> Elements(ushort tag)
    {
        for (var child = FirstChild; child is not null; child = child.NextSibling)
            if (child.Tag == tag) yield return child;
    }

    /// <summary>The Exchange-style XML form, for logs and operators.</summary>
    public override string ToString() => WbxmlXml.ToXml(this);

    /// <summary>Allocation-free enumeration of an element's children.</summary>
    public readonly struct ChildEnumerable(WbxmlElement? first)
    {
        public Enumerator GetEnumerator() => new(first);

        public struct Enumerator(WbxmlElement? first)
        {
            private WbxmlElement? _next = first;

            public WbxmlElement Current { get; private set; } = null!;

            public bool MoveNext()
            {
                if (_next is null) return false;
                Current = _next;
                _next = _next.NextSibling;
                return true;
            }
        }
    }
}
