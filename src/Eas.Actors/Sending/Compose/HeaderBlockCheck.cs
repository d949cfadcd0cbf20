namespace Eas.Actors.Sending.Compose;

/// <summary>
/// Checks the phone's header block before MimeKit reads it. MimeKit is liberal: a line that is not a field
/// silently ends the header, and whatever follows becomes the body; a server that passed that on would send a
/// different message than the phone meant, so such a message is refused instead (RFC 5322 section 2.2: a header
/// is fields, each "name: value", continued by lines that start with a blank). The block is bounded too, so a
/// header that never ends (a 1 GB line) is refused without being read into a string.
/// </summary>
internal static class HeaderBlockCheck
{
    /// <summary>
    /// Largest header block: a phone's own header is a few kilobytes, and a References chain of a thousand ids
    /// still fits.
    /// </summary>
    public const int MaxHeaderBytes = 256 * 1024;

    /// <exception cref="InvalidPhoneMessageException">The header is empty, has a line that is not a field, or passes <see cref="MaxHeaderBytes"/>.</exception>
    public static void Check(ReadOnlySpan<byte> mime)
    {
        var line = 1;
        var offset = 0;
        while (offset < mime.Length)
        {
            if (offset > MaxHeaderBytes) throw new InvalidPhoneMessageException($"The message's header is longer than {MaxHeaderBytes} bytes");
            var rest = mime[offset..];
            var end = rest.IndexOf((byte)'\n');
            var text = end < 0 ? rest : rest[..end];
            if (text.Length > MaxHeaderBytes) throw new InvalidPhoneMessageException($"Line {line} of the header is longer than {MaxHeaderBytes} bytes");
            if (text.Length > 0 && text[^1] == '\r') text = text[..^1];
            if (text.Length == 0)
            {
                if (line == 1) throw new InvalidPhoneMessageException("The message has no header");
                return;
            }

            var continuation = text[0] is (byte)' ' or (byte)'\t';
            if (continuation ? line == 1 : !IsField(text))
                throw new InvalidPhoneMessageException($"Line {line} of the header is not a header field");
            if (end < 0) return;
            offset += end + 1;
            line++;
        }

        if (line == 1) throw new InvalidPhoneMessageException("The message is empty");
    }

    /// <summary>A field name (printable ASCII but ':', RFC 5322 section 3.6.8), optional blanks, then ':'.</summary>
    private static bool IsField(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) return false;
        var name = line[..colon].TrimEnd(" \t"u8);
        if (name.Length == 0) return false;
        foreach (var b in name)
        {
            if (b is < 33 or > 126) return false;
        }

        return true;
    }
}
