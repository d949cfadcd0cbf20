using System.Globalization;
using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// Character references (HTML Living Standard 13.5): the HTML 4 named set most mail uses (the Latin-1 block,
/// typographic punctuation, common symbols, lower-case Greek) and numeric references. Numeric references to
/// 0x80-0x9F are read as windows-1252, zero, surrogates and values beyond U+10FFFF as U+FFFD, as that standard
/// directs.
/// </summary>
internal static class HtmlEntities
{
    /// <summary>Names of U+00A0 to U+00FF, in order.</summary>
    private const string Latin1Names =
        "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute " +
        "micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig " +
        "Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash " +
        "Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc " +
        "euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml " +
        "yacute thorn yuml";

    /// <summary>Names of U+03B1 to U+03C9 (Greek small letters), in order.</summary>
    private const string GreekNames =
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon " +
        "phi chi psi omega";

    private const string OtherNames =
        "quot=34 amp=38 apos=39 lt=60 gt=62 OElig=338 oelig=339 Scaron=352 scaron=353 Yuml=376 fnof=402 circ=710 " +
        "tilde=732 ensp=8194 emsp=8195 thinsp=8201 zwnj=8204 zwj=8205 lrm=8206 rlm=8207 ndash=8211 mdash=8212 " +
        "lsquo=8216 rsquo=8217 sbquo=8218 ldquo=8220 rdquo=8221 bdquo=8222 dagger=8224 Dagger=8225 bull=8226 " +
        "hellip=8230 permil=8240 prime=8242 Prime=8243 lsaquo=8249 rsaquo=8250 oline=8254 frasl=8260 euro=8364 " +
        "trade=8482 larr=8592 uarr=8593 rarr=8594 darr=8595 harr=8596 sum=8721 minus=8722 radic=8730 infin=8734 " +
        "asymp=8776 ne=8800 le=8804 ge=8805 loz=9674 spades=9824 clubs=9827 hearts=9829 diams=9830 check=10003";

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly Dictionary<string, string> Named = Build();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NamedBySpan = Named.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly string Windows1252High = MimeCharsets.GetEncoding("windows-1252").GetString([.. Enumerable.Range(0x80, 32).Select(b => (byte)b)]);

    /// <summary>The text of a named reference (case-sensitive, without "&amp;" and ";"), or false.</summary>
    public static bool TryGetNamed(ReadOnlySpan<char> name, out string value) => NamedBySpan.TryGetValue(name, out value!);

    /// <summary>The text of a numeric reference body ("#233", "#xE9"), or false when it is not one.</summary>
    public static bool TryGetNumeric(ReadOnlySpan<char> body, out string value)
    {
        value = string.Empty;
        if (body.Length < 2 || body[0] != '#') return false;
        var hex = body[1] is 'x' or 'X';
        var digits = body[(hex ? 2 : 1)..];
        var invalid = hex ? digits.ContainsAnyExcept(HexDigits) : digits.ContainsAnyExceptInRange('0', '9');
        if (digits.Length == 0 || invalid) return false;
        var code = digits.Length > 8
            ? long.MaxValue
            : long.Parse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture);
        value = code switch
        {
            0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) => "\uFFFD",
            >= 0x80 and <= 0x9F => Windows1252High[(int)code - 0x80].ToString(),
            _ => char.ConvertFromUtf32((int)code),
        };
        return true;
    }

    /// <summary>Decodes every reference in <paramref name="text"/> (an attribute value); unknown ones stay as written.</summary>
    public static string Decode(string text)
    {
        if (!text.Contains('&')) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var semicolon = text[i] == '&' ? text.IndexOf(';', i + 1, Math.Min(33, text.Length - i - 1)) : -1;
            if (semicolon > 0 && Resolve(text.AsSpan(i + 1, semicolon - i - 1), out var value))
            {
                result.Append(value);
                i = semicolon;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>Resolves a reference body, numeric or named.</summary>
    public static bool Resolve(ReadOnlySpan<char> body, out string value) =>
        body.Length > 0 && body[0] == '#' ? TryGetNumeric(body, out value) : TryGetNamed(body, out value);

    private static Dictionary<string, string> Build()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var latin1 = Latin1Names.Split(' ');
        for (var i = 0; i < latin1.Length; i++) table[latin1[i]] = ((char)(0xA0 + i)).ToString();
        var greek = GreekNames.Split(' ');
        for (var i = 0; i < greek.Length; i++) table[greek[i]] = ((char)(0x3B1 + i)).ToString();
        foreach (var pair in OtherNames.Split(' '))
        {
            var equals = pair.IndexOf('=');
            table[pair[..equals]] = char.ConvertFromUtf32(int.Parse(pair[(equals + 1)..], CultureInfo.InvariantCulture));
        }

        return table;
    }
}
