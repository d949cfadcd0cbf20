namespace Eas.Mail.Smtp;

/// <summary>
/// One server reply (RFC 5321 section 4.2): a three-digit code, repeated on every line of a multi-line reply,
/// and the text of each line. Where the text starts with an enhanced status code (RFC 2034) it is taken out of
/// the first line into <see cref="EnhancedStatusCode"/> and removed from every line that repeats it.
/// </summary>
/// <param name="Code">200 to 599: 2xx done, 3xx go on (354 after DATA, 334 during AUTH), 4xx try later, 5xx refused.</param>
/// <param name="EnhancedStatusCode">The RFC 3463 code of the first line, when its class matches the reply's.</param>
/// <param name="Lines">The text of each line, without code, separator and enhanced status code.</param>
public sealed record SmtpReply(int Code, SmtpEnhancedStatusCode? EnhancedStatusCode, IReadOnlyList<string> Lines)
{
    /// <summary>The lines joined with line feeds.</summary>
    public string Text => string.Join('\n', Lines);

    /// <summary>2xx: the command completed (RFC 5321 section 4.2.1).</summary>
    public bool IsPositiveCompletion => Code is >= 200 and < 300;

    /// <summary>3xx: the server waits for more (the message after 354, a SASL response after 334).</summary>
    public bool IsPositiveIntermediate => Code is >= 300 and < 400;

    /// <summary>4xx: refused for now; the same command may succeed later.</summary>
    public bool IsTransientNegative => Code is >= 400 and < 500;

    /// <summary>5xx: refused; the same command will fail again.</summary>
    public bool IsPermanentNegative => Code is >= 500 and < 600;

    public override string ToString() => EnhancedStatusCode is { } enhanced ? $"{Code} {enhanced} {Text}" : $"{Code} {Text}";

    /// <summary>Builds a reply from the text of its lines as they followed the code and separator.</summary>
    internal static SmtpReply FromLines(int code, IReadOnlyList<string> rawLines)
    {
        if (rawLines.Count == 0) return new SmtpReply(code, null, rawLines);
        var length = SmtpEnhancedStatusCode.TryParse(rawLines[0], out var parsed);
        if (length == 0 || parsed.Class != code / 100) return new SmtpReply(code, null, rawLines);

        var prefix = rawLines[0][..length];
        var lines = rawLines.Select(line => line.StartsWith(prefix, StringComparison.Ordinal) ? line[length..].TrimStart(' ') : line).ToArray();
        return new SmtpReply(code, parsed, lines);
    }
}
