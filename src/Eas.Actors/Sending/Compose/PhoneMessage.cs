using System.Runtime.InteropServices;
using MimeKit;
using MimeKit.Utils;

namespace Eas.Actors.Sending.Compose;

/// <summary>
/// A message a phone submitted (MS-ASCMD 2.2.1.17 SendMail, and the new message of 2.2.1.19 SmartForward and
/// 2.2.1.20 SmartReply: an RFC 5322 message in the Mime element, or the request body before 14.0), read by
/// MimeKit, with what sending it needs: the envelope recipients and the two forms to write
/// (<see cref="OutgoingCopy"/>).
/// <para>
/// The phone's header fields and parts are written back as MimeKit read them (an unchanged field keeps its raw
/// bytes, raw UTF-8 included; a part keeps its encoded content). Fields a message must have (RFC 5322 section 3.6:
/// Date and From; section 3.6.4 recommends Message-ID; RFC 2045 section 4 asks for MIME-Version) are added when
/// missing or unusable (a Date that is no date, a From without an address). They are fixed when the message is
/// read, so both forms carry the same Message-ID and Date.
/// </para>
/// </summary>
public sealed class PhoneMessage : IDisposable
{
    /// <summary>
    /// Most envelope recipients (To, Cc and Bcc after removing duplicates). RFC 5321 section 4.5.3.1.8 has SMTP
    /// servers accept at least 100; 500 is Exchange Online's default per-message limit.
    /// </summary>
    public const int MaxRecipients = 500;

    /// <summary>Largest header block taken from a phone (<see cref="HeaderBlockCheck"/>).</summary>
    public const int MaxHeaderBytes = HeaderBlockCheck.MaxHeaderBytes;

    private PhoneMessage(MimeMessage message, IReadOnlyList<string> recipients, string from, string messageId, bool messageIdFromClient)
    {
        Message = message;
        Recipients = recipients;
        From = from;
        MessageId = messageId;
        MessageIdFromClient = messageIdFromClient;
    }

    /// <summary>The message as it will be written; a SmartReply or SmartForward changes it in place.</summary>
    public MimeMessage Message { get; }

    /// <summary>The envelope recipients (SMTP RCPT TO): To, Cc and Bcc, group members included, each address once, in that order.</summary>
    public IReadOnlyList<string> Recipients { get; }

    /// <summary>The author's address (RFC 5322 section 3.6.2): the first usable From mailbox, or the account's.</summary>
    public string From { get; }

    /// <summary>The Message-ID without angle brackets: the phone's, or one made here.</summary>
    public string MessageId { get; }

    /// <summary>Whether <see cref="MessageId"/> is the phone's own (a resent message carries the same one) rather than one added here.</summary>
    public bool MessageIdFromClient { get; }

    /// <summary>
    /// Reads the phone's message. <paramref name="accountAddress"/> is the signed-in account's address, used as
    /// From when the message has none and for the domain of a new Message-ID; a sign-in name that is not an
    /// address (a bare IMAP login) is ignored, and such a message then needs its own From.
    /// </summary>
    /// <exception cref="InvalidPhoneMessageException">The message cannot be sent as the phone meant it.</exception>
    /// <exception cref="MessageHasNoRecipientsException">To, Cc and Bcc name nobody.</exception>
    public static PhoneMessage Read(ReadOnlyMemory<byte> mime, string accountAddress, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(accountAddress);
        HeaderBlockCheck.Check(mime.Span);
        var message = Parse(mime);
        try
        {
            var recipients = CollectRecipients(message);
            var account = Addresses.IsUsable(accountAddress) ? accountAddress : null;
            var from = EnsureFrom(message, account);
            EnsureDate(message, clock ?? TimeProvider.System);
            var phoneId = MessageIdOf(message);
            var messageId = phoneId ?? MimeUtils.GenerateMessageId(Addresses.DomainOf(from) ?? Addresses.DomainOf(account) ?? "localhost");
            if (phoneId is null)
            {
                message.Headers.RemoveAll(HeaderId.MessageId);
                message.MessageId = messageId;
            }

            if (!message.Headers.Contains(HeaderId.MimeVersion)) message.MimeVersion = new Version(1, 0);
            return new PhoneMessage(message, recipients, from, messageId, phoneId is not null);
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes the message with CRLF line ends in the form of <paramref name="copy"/>: for
    /// <see cref="OutgoingCopy.Delivery"/> without Bcc, since RFC 5322 section 3.6.3 keeps Bcc recipients from the
    /// others and MS-OXCMAIL 2.1.3.1.1.2 says a MIME writer must not copy them into a message for SMTP and should into
    /// one served over IMAP4 (the Sent Items copy).
    /// </summary>
    public Task WriteToAsync(Stream destination, OutgoingCopy copy, CancellationToken cancellationToken = default)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        if (copy == OutgoingCopy.Delivery) options.HiddenHeaders.Add(HeaderId.Bcc);
        return Message.WriteToAsync(options, destination, cancellationToken);
    }

    public void Dispose() => Message.Dispose();

    private static MimeMessage Parse(ReadOnlyMemory<byte> mime)
    {
        var stream = MemoryMarshal.TryGetArray(mime, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(mime.ToArray(), writable: false);
        try
        {
            return MimeMessage.Load(ParserOptions.Default, stream, persistent: true);
        }
        catch (FormatException e)
        {
            throw new InvalidPhoneMessageException("MimeKit cannot read the message: " + e.Message, e);
        }
    }

    private static IReadOnlyList<string> CollectRecipients(MimeMessage message)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var (field, list) in new[] { ("To", message.To), ("Cc", message.Cc), ("Bcc", message.Bcc) })
        {
            foreach (var mailbox in list.Mailboxes)
            {
                if (!Addresses.IsUsable(mailbox.Address))
                    throw new InvalidPhoneMessageException($"The {field} field holds \"{mailbox}\", which is not an address");
                if (!seen.Add(mailbox.Address)) continue;
                if (result.Count == MaxRecipients) throw new InvalidPhoneMessageException($"The message has more than {MaxRecipients} recipients");
                result.Add(mailbox.Address);
            }
        }

        if (result.Count == 0) throw new MessageHasNoRecipientsException();
        return result;
    }

    private static string EnsureFrom(MimeMessage message, string? account)
    {
        if (message.From.Mailboxes.FirstOrDefault(m => Addresses.IsUsable(m.Address)) is { } own) return own.Address;
        if (account is null) throw new InvalidPhoneMessageException("The message has no From address and the account has no address to put there");
        message.Headers.RemoveAll(HeaderId.From);
        message.From.Add(new MailboxAddress(string.Empty, account));
        return account;
    }

    private static void EnsureDate(MimeMessage message, TimeProvider clock)
    {
        if (message.Headers[HeaderId.Date] is { } value && DateUtils.TryParse(value, out _)) return;
        message.Headers.RemoveAll(HeaderId.Date);
        var now = clock.GetUtcNow();
        message.Date = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    private static string? MessageIdOf(MimeMessage message) =>
        message.Headers[HeaderId.MessageId] is { } value && MimeUtils.EnumerateReferences(value).FirstOrDefault() is { Length: > 0 } id && id.Contains('@', StringComparison.Ordinal)
            ? id
            : null;
}
