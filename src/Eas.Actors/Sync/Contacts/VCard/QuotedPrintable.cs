namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// Decodes quoted-printable (RFC 2045 6.7), the encoding vCard 2.1 and Outlook's 3.0 use for non-ASCII text:
/// <c>=XX</c> is a byte, <c>=</c> at a line end a soft break (already joined by the reader), anything else a
/// character taken as its low byte. A broken <c>=</c> escape is kept literally.
/// </summary>
internal static class QuotedPrintable
{
    public static byte[] Decode(string value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '=' && i + 2 < value.Length + 0 && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '=' && i == value.Length - 1)
            {
                // A soft break at the very end: nothing follows.
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return [.. bytes];
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
