using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// Resolves charset labels to code pages. The IANA names (RFC 2978) are what
/// <see cref="CodePagesEncodingProvider"/> knows; this table adds the spellings mailers use that it does not
/// ("utf8", "cp936", "windows-31j", "x-mac-roman"), the built-in Unicode and Latin-1 labels, and labels that
/// mean "no idea" (resolved to -1, the fallback).
/// </summary>
internal static class CharsetLabels
{
    private static readonly Dictionary<string, int> Aliases = Build();

    /// <summary>The code page, -1 for "use the fallback", or null for a label nobody knows (also the fallback).</summary>
    public static int? Resolve(string? label)
    {
        var name = Normalize(label);
        if (name.Length == 0) return -1;
        if (Aliases.TryGetValue(name, out var codePage)) return codePage;
        if (TryNumeric(name, out codePage)) return codePage;
        return CodePagesEncodingProvider.Instance.GetEncoding(name)?.CodePage;
    }

    /// <summary>Lower-cases, drops quotes, blanks, an RFC 2231 language suffix ("utf-8*en") and trailing junk.</summary>
    internal static string Normalize(string? label)
    {
        if (string.IsNullOrEmpty(label)) return string.Empty;
        var span = label.AsSpan().Trim().Trim("\"'").Trim();
        var star = span.IndexOf('*');
        if (star >= 0) span = span[..star];
        var end = 0;
        while (end < span.Length && (char.IsAsciiLetterOrDigit(span[end]) || span[end] is '-' or '_' or '.' or ':')) end++;
        return span[..end].ToString().ToLowerInvariant();
    }

    private static bool TryNumeric(string name, out int codePage)
    {
        codePage = 0;
        ReadOnlySpan<string> prefixes = ["windows", "x-cp", "x-ibm", "csibm", "cp", "ms", "win", "ibm"];
        foreach (var prefix in prefixes)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var digits = name.AsSpan(prefix.Length).TrimStart("-_");
            if (digits.Length is < 3 or > 5 || !int.TryParse(digits, out codePage)) return false;
            codePage = codePage switch { 20127 => -1, 28591 => 1252, _ => codePage };
            return codePage is -1 or 65000 or 65001 or 1200 or 1201 or 12000 or 12001
                || CodePagesEncodingProvider.Instance.GetEncoding(codePage) is not null;
        }

        if (name.StartsWith("iso8859", StringComparison.Ordinal) || name.StartsWith("iso_8859", StringComparison.Ordinal))
        {
            var part = name.AsSpan(name[3] == '_' ? 8 : 7).TrimStart("-_");
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding("iso-8859-" + part.ToString());
            if (encoding is not null)
            {
                codePage = encoding.CodePage;
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, int> Build()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(int codePage, params string[] names)
        {
            foreach (var name in names) table[name] = codePage;
        }

        Add(65001, "utf-8", "utf8", "utf_8", "unicode-1-1-utf-8", "unicode-2-0-utf-8", "x-unicode20utf8", "x-unicode-2-0-utf-8");
        Add(65000, "utf-7", "utf7", "unicode-1-1-utf-7", "unicode-2-0-utf-7", "csunicode11utf7", "x-unicode-2-0-utf-7");
        Add(1200, "utf-16", "utf16", "utf-16le", "unicode", "ucs-2", "iso-10646-ucs-2", "csunicode");
        Add(1201, "utf-16be", "unicodefffe");
        Add(12000, "utf-32", "utf32", "utf-32le");
        Add(12001, "utf-32be");
        Add(1252, "iso-8859-1", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "latin1", "latin-1", "l1", "iso-ir-100",
            "cp819", "ibm819", "csisolatin1", "8859-1", "iso-8859-1-windows-3.1-latin-1");
        Add(932, "windows-31j", "cp932", "ms932", "ms_kanji", "x-ms-cp932", "shift-jis", "sjis");
        Add(936, "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "gb_2312-80", "chinese");
        Add(949, "ks_c_5601-1987", "ks_c_5601", "ks_c_5601-1989", "ksc5601", "ksc_5601", "cp949", "ms949", "uhc");
        Add(950, "big5", "big-5", "big5-hkscs", "cn-big5", "x-x-big5", "cp950", "ms950");
        Add(10000, "macintosh", "mac", "x-mac-roman", "macroman", "csmacintosh");
        Add(20866, "koi8-r", "koi8", "koi", "cskoi8r", "koi8_r");
        Add(874, "tis-620", "windows-874", "iso-8859-11", "cp874", "dos-874");
        Add(-1, "us-ascii", "ascii", "us", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso646-us", "iso-ir-6", "cp367",
            "ibm367", "csascii", "646", "x-unknown", "unknown", "unknown-8bit", "x-user-defined", "default", "charset",
            "none", "8bit", "7bit", "binary", "text");
        return table;
    }
}
