using System.Globalization;

namespace Eas.Mail.Smtp;

/// <summary>
/// An enhanced mail system status code, <c>class.subject.detail</c> (RFC 3463 section 2), as a server that
/// offers ENHANCEDSTATUSCODES puts it at the start of its reply text (RFC 2034 section 4). The class repeats
/// the reply's first digit: 2 success, 4 persistent transient failure, 5 permanent failure. Examples: 5.1.1 bad
/// destination mailbox, 5.7.1 delivery not authorized, 5.3.4 message too big, 5.7.8 authentication failed.
/// </summary>
/// <param name="Class">2, 4 or 5.</param>
/// <param name="Subject">0 to 999: 1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol, 6 content, 7 security.</param>
/// <param name="Detail">0 to 999, meaningful within the subject.</param>
public readonly record struct SmtpEnhancedStatusCode(int Class, int Subject, int Detail)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Class}.{Subject}.{Detail}");

    /// <summary>
    /// Reads a code at the start of <paramref name="text"/>, followed by a space or the end of the text
    /// (RFC 3463 section 2: class 2, 4 or 5; subject and detail of one to three digits). Returns the length
    /// read, 0 when the text does not start with a code.
    /// </summary>
    internal static int TryParse(ReadOnlySpan<char> text, out SmtpEnhancedStatusCode code)
    {
        code = default;
        if (text.Length < 5 || text[0] is not ('2' or '4' or '5') || text[1] != '.') return 0;
        var position = 2;
        if (!Number(text, ref position, out var subject) || position >= text.Length || text[position] != '.') return 0;
        position++;
        if (!Number(text, ref position, out var detail)) return 0;
        if (position < text.Length && text[position] != ' ') return 0;
        code = new SmtpEnhancedStatusCode(text[0] - '0', subject, detail);
        return position;
    }

    private static bool Number(ReadOnlySpan<char> text, ref int position, out int value)
    {
        var start = position;
        value = 0;
        while (position < text.Length && position - start < 3 && char.IsAsciiDigit(text[position]))
            value = value * 10 + text[position++] - '0';
        return position > start && (position == text.Length || !char.IsAsciiDigit(text[position]));
    }
}
