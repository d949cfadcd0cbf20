using System.Collections;

namespace Eas.Mail.Mime;

/// <summary>
/// The header fields of a message or body part in their original order (RFC 5322 section 3.6 permits repeats
/// and any order). Lookups ignore case (section 1.2.2); a field that may occur once (Subject, Content-Type)
/// is read from its first occurrence.
/// </summary>
public sealed class HeaderList : IReadOnlyList<HeaderField>
{
    private readonly HeaderField[] _fields;

    internal HeaderList(HeaderField[] fields) => _fields = fields;

    /// <summary>A list with no fields (a body part that starts with a blank line).</summary>
    public static HeaderList Empty { get; } = new([]);

    public int Count => _fields.Length;

    public HeaderField this[int index] => _fields[index];

    /// <summary>
    /// Parses a header block (for example an IMAP BODY[HEADER] fetch): fields up to the first blank line or the
    /// end of <paramref name="block"/>. Never throws; a line without a colon is kept as a nameless field.
    /// </summary>
    public static HeaderList Parse(ReadOnlySpan<byte> block)
    {
        var copy = block.ToArray();
        return HeaderBlockParser.Parse(copy, HeaderBlockParser.LengthToBlankLine(copy));
    }

    /// <summary>The first field named <paramref name="name"/>, or null.</summary>
    public HeaderField? Find(string name)
    {
        foreach (var field in _fields)
        {
            if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase)) return field;
        }

        return null;
    }

    /// <summary>Every field named <paramref name="name"/>, in message order.</summary>
    public IEnumerable<HeaderField> FindAll(string name) =>
        _fields.Where(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The unfolded value of the first field named <paramref name="name"/>, or null.</summary>
    public string? GetValue(string name) => Find(name)?.Value;

    /// <summary>The first field named <paramref name="name"/> as unstructured text with encoded-words decoded, or null.</summary>
    public string? GetText(string name) => Find(name)?.GetText();

    /// <summary>Whether a field named <paramref name="name"/> is present.</summary>
    public bool Contains(string name) => Find(name) is not null;

    public IEnumerator<HeaderField> GetEnumerator() => ((IEnumerable<HeaderField>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
