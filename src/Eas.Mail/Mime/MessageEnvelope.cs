namespace Eas.Mail.Mime;

/// <summary>
/// The header fields an EAS email item carries (MS-ASEMAIL 2.2.2), parsed from a message header: addresses
/// (RFC 5322 section 3.6.2 and 3.6.3), Subject with encoded-words decoded (RFC 2047), Date (section 3.6.1),
/// Message-ID, In-Reply-To and References (section 3.6.4), importance, Outlook's Thread-Index and Thread-Topic,
/// and Content-Class. A field that cannot be parsed is empty or null, never an error.
/// </summary>
public sealed record MessageEnvelope
{
    public IReadOnlyList<MailAddress> From { get; init; } = [];

    public IReadOnlyList<MailAddress> Sender { get; init; } = [];

    public IReadOnlyList<MailAddress> To { get; init; } = [];

    public IReadOnlyList<MailAddress> Cc { get; init; } = [];

    public IReadOnlyList<MailAddress> Bcc { get; init; } = [];

    public IReadOnlyList<MailAddress> ReplyTo { get; init; } = [];

    public string? Subject { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>The Message-ID without angle brackets.</summary>
    public string? MessageId { get; init; }

    public IReadOnlyList<string> InReplyTo { get; init; } = [];

    public IReadOnlyList<string> References { get; init; } = [];

    public MessageImportance Importance { get; init; } = MessageImportance.Normal;

    /// <summary>The decoded bytes of Outlook's Thread-Index (base64 in the header), or null.</summary>
    public byte[]? ThreadIndex { get; init; }

    public string? ThreadTopic { get; init; }

    /// <summary>Content-Class ("urn:content-classes:message", "urn:content-classes:calendarmessage"...), or null.</summary>
    public string? ContentClass { get; init; }

    /// <summary>Reads the envelope from a message header; address fields given more than once are joined.</summary>
    public static MessageEnvelope FromHeaders(HeaderList headers) => new()
    {
        From = Addresses(headers, "From"),
        Sender = Addresses(headers, "Sender"),
        To = Addresses(headers, "To"),
        Cc = Addresses(headers, "Cc"),
        Bcc = Addresses(headers, "Bcc"),
        ReplyTo = Addresses(headers, "Reply-To"),
        Subject = headers.GetText("Subject"),
        Date = MimeDate.Parse(headers.GetValue("Date")),
        MessageId = MessageIds.ParseFirst(headers.GetValue("Message-ID")),
        InReplyTo = MessageIds.Parse(headers.GetValue("In-Reply-To")),
        References = MessageIds.Parse(string.Join(' ', headers.FindAll("References").Select(f => f.Value))),
        Importance = ImportanceOf(headers),
        ThreadIndex = headers.GetValue("Thread-Index") is { Length: > 0 } index ? Base64Decoder.DecodeAll(index) : null,
        ThreadTopic = headers.GetText("Thread-Topic"),
        ContentClass = headers.GetValue("Content-Class"),
    };

    /// <summary>
    /// Importance (high, normal, low; from RFC 2156, registered by RFC 4021) first, then the de-facto X-Priority
    /// (1-2 high, 4-5 low), X-MSMail-Priority, and Priority (urgent, normal, non-urgent; RFC 2156 as well).
    /// </summary>
    private static MessageImportance ImportanceOf(HeaderList headers)
    {
        if (Word(headers, "Importance") is { } importance)
        {
            if (importance.StartsWith("high", StringComparison.OrdinalIgnoreCase)) return MessageImportance.High;
            if (importance.StartsWith("low", StringComparison.OrdinalIgnoreCase)) return MessageImportance.Low;
            if (importance.StartsWith("normal", StringComparison.OrdinalIgnoreCase)) return MessageImportance.Normal;
        }

        if (Word(headers, "X-Priority") is { Length: > 0 } priority && char.IsAsciiDigit(priority[0]))
            return priority[0] switch { '1' or '2' => MessageImportance.High, '4' or '5' => MessageImportance.Low, _ => MessageImportance.Normal };
        return (Word(headers, "X-MSMail-Priority") ?? Word(headers, "Priority"))?.ToLowerInvariant() switch
        {
            "high" or "urgent" => MessageImportance.High,
            "low" or "non-urgent" => MessageImportance.Low,
            _ => MessageImportance.Normal,
        };
    }

    private static string? Word(HeaderList headers, string name) =>
        headers.GetValue(name)?.Split([' ', '\t', '(', ';'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    private static IReadOnlyList<MailAddress> Addresses(HeaderList headers, string name)
    {
        var fields = headers.FindAll(name).ToList();
        return fields.Count switch
        {
            0 => [],
            1 => MailAddress.ParseList(fields[0].Value),
            _ => fields.SelectMany(f => MailAddress.ParseList(f.Value)).ToList(),
        };
    }
}
