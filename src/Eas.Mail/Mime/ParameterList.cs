using System.Collections;
using System.Text;

namespace Eas.Mail.Mime;

/// <summary>One parameter of a Content-Type or Content-Disposition field, name as written, value fully decoded.</summary>
public sealed record MimeParameter(string Name, string Value);

/// <summary>
/// The parameters of a Content-Type (RFC 2045 section 5.1) or Content-Disposition (RFC 2183 section 2) field,
/// after RFC 2231 continuations and charset encoding have been undone and quoted strings unquoted. Names
/// compare case-insensitively; the first of two same-named parameters wins.
/// </summary>
public sealed class ParameterList : IReadOnlyList<MimeParameter>
{
    private readonly MimeParameter[] _items;

    internal ParameterList(MimeParameter[] items) => _items = items;

    /// <summary>A list with no parameters.</summary>
    public static ParameterList Empty { get; } = new([]);

    public int Count => _items.Length;

    public MimeParameter this[int index] => _items[index];

    /// <summary>The value of the parameter named <paramref name="name"/>, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var item in _items)
            {
                if (string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase)) return item.Value;
            }

            return null;
        }
    }

    public IEnumerator<MimeParameter> GetEnumerator() => ((IEnumerable<MimeParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Writes the parameters as "; name=value" pairs: a token as it is, other ASCII as a quoted-string, and
    /// non-ASCII in the RFC 2231 section 4 form name*=utf-8''percent-encoded.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in _items)
        {
            text.Append("; ");
            if (!Ascii.IsValid(value)) text.Append(name).Append("*=utf-8''").Append(PercentEncode(value));
            else if (IsToken(value)) text.Append(name).Append('=').Append(value);
            else text.Append(name).Append("=\"").Append(value.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="value"/> is an RFC 2045 token (no blanks, controls or tspecials).</summary>
    internal static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => c is > ' ' and < (char)127 && !"()<>@,;:\\\"/[]?=".Contains(c));

    private static string PercentEncode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b < 128 && (char.IsAsciiLetterOrDigit((char)b) || "!#$&+-.^_`|~".Contains((char)b))) text.Append((char)b);
            else text.Append('%').Append(b.ToString("X2"));
        }

        return text.ToString();
    }
}
