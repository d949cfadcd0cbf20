using System.Text;

namespace Eas.Mail.Imap;

/// <summary>
/// The modified UTF-7 of RFC 3501 section 5.1.3, in which IMAP4rev1 carries mailbox names: printable ASCII
/// (0x20-0x7E) stands for itself except <c>&amp;</c>, written <c>&amp;-</c>; any other run of characters is
/// written as <c>&amp;</c>, the modified base64 (RFC 2045 alphabet with <c>,</c> for <c>/</c>, no padding) of
/// its UTF-16BE code units, and <c>-</c>. So "Entwürfe" is <c>Entw&amp;APw-rfe</c> and "日本語" is <c>&amp;ZeVnLIqe-</c>.
/// </summary>
public static class ModifiedUtf7
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

    /// <summary>Encodes a mailbox name for the wire.</summary>
    public static string Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var output = new StringBuilder(name.Length + 8);
        var index = 0;
        while (index < name.Length)
        {
            var c = name[index];
            if (IsDirect(c))
            {
                output.Append(c == '&' ? "&-" : c);
                index++;
                continue;
            }

            var start = index;
            while (index < name.Length && !IsDirect(name[index])) index++;
            output.Append('&');
            AppendBase64(output, name.AsSpan(start, index - start));
            output.Append('-');
        }

        return output.ToString();
    }

    /// <summary>Decodes a name from the wire; throws <see cref="FormatException"/> if it is not modified UTF-7.</summary>
    public static string Decode(string encoded) =>
        TryDecode(encoded, out var name) ? name : throw new FormatException($"\"{encoded}\" is not modified UTF-7 (RFC 3501 section 5.1.3).");

    /// <summary>
    /// Decodes strictly: rejects characters outside printable ASCII, a bare <c>&amp;</c> without its <c>-</c>,
    /// base64 that leaves stray bits or an odd octet, unpaired surrogates, and shifts that encode printable
    /// ASCII (which RFC 3501 forbids), so that every accepted name encodes back to the same text.
    /// </summary>
    public static bool TryDecode(string encoded, out string name)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        name = "";
        var output = new StringBuilder(encoded.Length);
        var index = 0;
        while (index < encoded.Length)
        {
            var c = encoded[index];
            if (c is < '\x20' or > '\x7E') return false;
            if (c != '&')
            {
                output.Append(c);
                index++;
                continue;
            }

            var end = encoded.IndexOf('-', index + 1);
            if (end < 0) return false;
            if (end == index + 1)
            {
                output.Append('&');
            }
            else if (!TryAppendDecoded(output, encoded.AsSpan(index + 1, end - index - 1)))
            {
                return false;
            }

            index = end + 1;
        }

        name = output.ToString();
        return true;
    }

    private static bool IsDirect(char c) => c is >= '\x20' and <= '\x7E';

    private static void AppendBase64(StringBuilder output, ReadOnlySpan<char> run)
    {
        int bits = 0, buffer = 0;
        foreach (var unit in run)
        {
            buffer = (buffer << 16) | unit;
            bits += 16;
            while (bits >= 6)
            {
                bits -= 6;
                output.Append(Alphabet[(buffer >> bits) & 0x3F]);
            }

            buffer &= (1 << bits) - 1;
        }

        if (bits > 0) output.Append(Alphabet[(buffer << (6 - bits)) & 0x3F]);
    }

    private static bool TryAppendDecoded(StringBuilder output, ReadOnlySpan<char> base64)
    {
        int bits = 0, buffer = 0;
        var units = new List<char>(base64.Length * 6 / 16);
        foreach (var c in base64)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) return false;
            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 16)
            {
                bits -= 16;
                units.Add((char)((buffer >> bits) & 0xFFFF));
                buffer &= (1 << bits) - 1;
            }
        }

        // Leftover bits must be fewer than one base64 digit's worth and zero (RFC 2045 section 6.8).
        if (bits >= 6 || buffer != 0 || units.Count == 0) return false;
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (IsDirect(unit)) return false;
            if (char.IsHighSurrogate(unit))
            {
                if (i + 1 >= units.Count || !char.IsLowSurrogate(units[i + 1])) return false;
                output.Append(unit).Append(units[++i]);
                continue;
            }

            if (char.IsLowSurrogate(unit)) return false;
            output.Append(unit);
        }

        return true;
    }
}
