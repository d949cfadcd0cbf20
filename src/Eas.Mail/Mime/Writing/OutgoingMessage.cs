namespace Eas.Mail.Mime.Writing;

/// <summary>
/// A message a phone submitted (MS-ASCMD 2.2.1.17 SendMail, and the new message of 2.2.1.19 SmartForward and
/// 2.2.1.20 SmartReply: an RFC 5322 message in the Mime element), read once, with what sending it needs: the
/// sender, the envelope recipients, and the two forms to write, the one delivered to the recipients and the
/// one kept in Sent Items (<see cref="OutgoingCopy"/>).
/// <para>
/// The header fields the phone wrote are written back byte for byte (line ends made CRLF) and the body is
/// copied without being decoded or re-encoded. Fields a message must have (RFC 5322 section 3.6: Date and From;
/// section 3.6.4 recommends Message-ID; RFC 2045 section 4 asks for MIME-Version) are added when missing, or
/// when present but unusable (a Date that is no date, a From without an address). Added values are fixed when
/// the message is read, so both forms and every write carry the same Message-ID and Date.
/// </para>
/// <para>
/// Checking that From names the signed-in account is the caller's policy; this type only reports it.
/// </para>
/// </summary>
public sealed class OutgoingMessage
{
    private readonly MessagePlan _plan;

    private OutgoingMessage(SubmittedMessage parsed, MessagePlan plan)
    {
        Submitted = parsed;
        _plan = plan;
    }

    /// <summary>The author (RFC 5322 section 3.6.2): the first From mailbox, or the account when the phone gave none.</summary>
    public MailAddress From => Submitted.From;

    /// <summary>The Sender field's mailbox, or null.</summary>
    public MailAddress? Sender => Submitted.Envelope.Sender.FirstOrDefault(m => EnvelopeRecipients.IsAddress(m.Address));

    public IReadOnlyList<MailAddress> To => Submitted.Envelope.To;

    public IReadOnlyList<MailAddress> Cc => Submitted.Envelope.Cc;

    public IReadOnlyList<MailAddress> Bcc => Submitted.Envelope.Bcc;

    /// <summary>The envelope recipients (SMTP RCPT TO): To, Cc and Bcc, each address once, in that order.</summary>
    public IReadOnlyList<string> Recipients => Submitted.Recipients;

    /// <summary>The Message-ID without angle brackets: the phone's, or one made as "random@domain-of-From".</summary>
    public string MessageId => Submitted.MessageId;

    /// <summary>Whether <see cref="MessageId"/> is the phone's own (a resent message carries the same one) rather than one added here.</summary>
    public bool MessageIdFromClient => Submitted.Envelope.MessageId is not null;

    /// <summary>The Date: the phone's, or the time the message was read.</summary>
    public DateTimeOffset Date => Submitted.Date;

    /// <summary>The Subject with encoded-words decoded (RFC 2047), or null.</summary>
    public string? Subject => Submitted.Envelope.Subject;

    /// <summary>The In-Reply-To ids the written message carries (the phone's, or those a SmartReply added).</summary>
    public IReadOnlyList<string> InReplyTo { get; private init; } = [];

    /// <summary>The References ids the written message carries (the phone's, or those SmartReply/SmartForward added).</summary>
    public IReadOnlyList<string> References { get; private init; } = [];

    /// <summary>The message as the phone submitted it.</summary>
    internal SubmittedMessage Submitted { get; }

    /// <summary>
    /// Reads a submitted message. <paramref name="accountAddress"/> is the signed-in account's address, used as
    /// From when the message has none and for the domain of a Message-ID when From has no usable domain; a
    /// sign-in name that is not an address (a bare IMAP login) is ignored, and such a message then needs its
    /// own From.
    /// </summary>
    /// <exception cref="MimeFormatException">
    /// The message passes an <see cref="OutgoingMessageOptions"/> bound, has no header, has a header line that is
    /// not a field, names a recipient without an address, or has no recipients.
    /// </exception>
    public static async Task<OutgoingMessage> ReadAsync(
        ReadOnlyMemory<byte> mime, string accountAddress, OutgoingMessageOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountAddress);
        var account = EnvelopeRecipients.IsAddress(accountAddress) ? accountAddress : null;
        options ??= OutgoingMessageOptions.Default;
        var source = new MemorySource(mime);
        MimeStructure structure;
        await using (var input = source.OpenRead())
        {
            structure = await new MimeReader(options.Limits).ReadAsync(input, handler: null, cancellationToken).ConfigureAwait(false);
        }

        var parsed = SubmittedMessage.Create(source, structure, account, options);
        var body = new CopiedEntity(parsed.MessageFields, new CopiedRange(source, structure.Body.BodyOffset, source.Length - structure.Body.BodyOffset));
        var plan = await MessagePlan.CreateAsync(body, parsed.AddedFields, cancellationToken).ConfigureAwait(false);
        return new OutgoingMessage(parsed, plan)
        {
            InReplyTo = parsed.Envelope.InReplyTo,
            References = parsed.Envelope.References,
        };
    }

    /// <summary>
    /// Writes the message to <paramref name="destination"/> as it goes out: CRLF line ends throughout, the form
    /// of <paramref name="copy"/> (the delivered form without Bcc). The same message may be written any number
    /// of times and always yields the same bytes, but not twice at once when it was composed from an original
    /// stream, since every write reads that stream from its own position.
    /// </summary>
    public Task WriteToAsync(Stream destination, OutgoingCopy copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return _plan.WriteAsync(destination, copy, cancellationToken);
    }

    /// <summary>This message written from another plan, with the threading ids it now carries.</summary>
    internal OutgoingMessage Recompose(MessagePlan plan, IReadOnlyList<string> inReplyTo, IReadOnlyList<string> references) =>
        new(Submitted, plan) { InReplyTo = inReplyTo, References = references };
}
