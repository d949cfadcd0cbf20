using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Derives the conversation elements (MS-ASCON; 14.0+) from the headers, since IMAP stores neither.
/// <para><b>ConversationId</b> (email2:ConversationId, MS-ASEMAIL 2.2.2.21): the first 16 bytes of the SHA-256
/// of the thread's root Message-ID in UTF-8. The root is the first References entry, else In-Reply-To,
/// else the message's own Message-ID, so every message of a thread that carries References gets the same
/// id. Before hashing, surrounding white space and one pair of angle brackets are removed and the part after
/// the last <c>@</c> (a domain, RFC 5322 3.6.4) is lower-cased. A message with no id at all hashes
/// "no-message-id", its From, its date (ticks) and subject, so it keeps a stable id of its own.</para>
/// <para><b>ConversationIndex</b> (email2:ConversationIndex, MS-ASEMAIL 2.2.2.22): the 5-byte Conversation
/// Index Header of MS-ASCON 2.2.2.4.1 only: the FILETIME of the Date header (or the received date), of which
/// the low 24 bits of the high part and the high 16 bits of the low part are written big-endian, that is
/// bits 16 to 55. No response levels are added: IMAP does not record when each reply was made.</para>
/// </summary>
public static partial class EmailConversation
{
    /// <summary>The ConversationId length in bytes.</summary>
    public const int IdLength = 16;

    private static readonly DateTime FileTimeEpoch = new(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The thread's root Message-ID as the item names it, or null when the item has none.</summary>
    public static string? RootMessageId(EmailItem item)
    {
        foreach (var reference in item.References)
            if (!string.IsNullOrWhiteSpace(reference)) return reference;
        if (!string.IsNullOrWhiteSpace(item.InReplyTo)) return item.InReplyTo;
        return string.IsNullOrWhiteSpace(item.MessageId) ? null : item.MessageId;
    }

    /// <summary>The item's 16-byte ConversationId.</summary>
    public static byte[] ConversationId(EmailItem item)
    {
        var root = RootMessageId(item);
        var key = root is not null
            ? Normalize(root)
            : string.Join('\n', "no-message-id", EmailAddress.Join(item.From, ","),
                (item.DateSent ?? item.DateReceived).Ticks.ToString(CultureInfo.InvariantCulture), item.Subject ?? string.Empty);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key))[..IdLength];
    }

    /// <summary>The 5-byte ConversationIndex header for a message sent at <paramref name="sent"/>.</summary>
    public static byte[] ConversationIndex(DateTime sent)
    {
        var utc = EmailDateTime.ToUtc(sent);
        var fileTime = (ulong)(utc < FileTimeEpoch ? 0 : utc.ToFileTimeUtc());
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, fileTime >> 16);
        return bytes[3..].ToArray();
    }

    /// <summary>The item's ThreadTopic: the Thread-Topic header, else the subject without leading Re:/Fw:/Fwd: (and AW:, WG:, SV:, VS:) prefixes.</summary>
    public static string? ThreadTopic(EmailItem item) =>
        item.ThreadTopic ?? (item.Subject is { } subject ? ReplyPrefixes().Replace(subject, string.Empty) : null);

    private static string Normalize(string messageId)
    {
        var id = messageId.Trim();
        if (id.Length >= 2 && id[0] == '<' && id[^1] == '>') id = id[1..^1].Trim();
        var at = id.LastIndexOf('@');
        return at < 0 ? id : string.Concat(id.AsSpan(0, at + 1), id[(at + 1)..].ToLowerInvariant());
    }

    [GeneratedRegex(@"^\s*((re|fwd?|aw|wg|sv|vs)(\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefixes();
}
