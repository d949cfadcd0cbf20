using System.Globalization;
using System.Text;

namespace Eas.Mail.Imap.Protocol;

/// <summary>
/// One item of response data (RFC 3501 section 4, RFC 9051 section 4): an atom, a string (quoted or literal),
/// NIL, or a list. The parser keeps the structure without interpreting it; command-specific code (FETCH,
/// LIST, STATUS...) gives it meaning.
/// </summary>
public abstract class ImapValue
{
    private protected ImapValue()
    {
    }

    /// <summary>The value as text: an atom's or string's content, <see langword="null"/> for NIL or a list.</summary>
    public virtual string? AsText() => null;
}

/// <summary>An atom (RFC 3501 section 4.1): a keyword, a number, a flag such as <c>\Seen</c>.</summary>
public sealed class ImapAtom : ImapValue
{
    public ImapAtom(string value) => Value = value;

    public string Value { get; }

    /// <summary>Reads the atom as a non-negative number (RFC 3501 <c>number</c>, RFC 9051 <c>number64</c>).</summary>
    public bool TryGetNumber(out ulong number) =>
        ulong.TryParse(Value, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    public override string AsText() => Value;

    public override string ToString() => Value;
}

/// <summary>
/// A string (RFC 3501 section 4.3), from a quoted string (escapes removed) or a literal. The octets are kept
/// as received: message content is not necessarily UTF-8, so decoding is the caller's choice.
/// </summary>
public sealed class ImapString : ImapValue
{
    public ImapString(ReadOnlyMemory<byte> bytes, bool isLiteral)
    {
        Bytes = bytes;
        IsLiteral = isLiteral;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Whether the server sent the string as a literal (<c>{n}</c>) rather than quoted.</summary>
    public bool IsLiteral { get; }

    /// <summary>The octets decoded as UTF-8 (RFC 9051 and RFC 6855 strings are UTF-8; 7-bit text is a subset).</summary>
    public override string AsText() => Encoding.UTF8.GetString(Bytes.Span);

    public override string ToString() => IsLiteral ? $"{{{Bytes.Length}}}" : $"\"{AsText()}\"";
}

/// <summary>The special atom NIL (RFC 3501 section 4.5): the absence of a string or list.</summary>
public sealed class ImapNil : ImapValue
{
    private ImapNil()
    {
    }

    public static ImapNil Instance { get; } = new();

    public override string ToString() => "NIL";
}

/// <summary>
/// A parenthesized list (RFC 3501 section 4.4), or, when <see cref="IsSection"/>, a bracketed section such as
/// the <c>[HEADER.FIELDS (FROM)]</c> of a FETCH <c>BODY[...]</c> item.
/// </summary>
public sealed class ImapList : ImapValue
{
    public ImapList(IReadOnlyList<ImapValue> items, bool isSection)
    {
        Items = items;
        IsSection = isSection;
    }

    public IReadOnlyList<ImapValue> Items { get; }

    public bool IsSection { get; }

    public override string ToString() =>
        IsSection ? $"[{string.Join(' ', Items)}]" : $"({string.Join(' ', Items)})";
}

/// <summary>
/// A literal whose octets were not kept: the response reader copied them to a stream chosen by its
/// literal-streaming hook (see <see cref="ImapLiteralContext"/>). Only its length remains in the response.
/// </summary>
public sealed class ImapStreamedLiteral : ImapValue
{
    public ImapStreamedLiteral(long length) => Length = length;

    /// <summary>How many octets went to the stream.</summary>
    public long Length { get; }

    public override string ToString() => $"{{{Length} streamed}}";
}
