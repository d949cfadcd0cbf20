namespace Eas.Mail.Mime.Writing;

/// <summary>
/// What <see cref="OutgoingMessage.ReadAsync"/> learned from the phone's message: its bytes and part tree, its
/// envelope, which of its header fields are written back, and the fields the server adds.
/// </summary>
internal sealed class SubmittedMessage
{
    private SubmittedMessage(
        MemorySource source, MimeStructure structure, MessageEnvelope envelope, MailAddress from, IReadOnlyList<string> recipients,
        string messageId, DateTimeOffset date, IReadOnlyList<HeaderField> messageFields, IReadOnlyList<string> addedFields)
    {
        Source = source;
        Structure = structure;
        Envelope = envelope;
        From = from;
        Recipients = recipients;
        MessageId = messageId;
        Date = date;
        MessageFields = messageFields;
        AddedFields = addedFields;
    }

    public MemorySource Source { get; }

    public MimeStructure Structure { get; }

    public MessageEnvelope Envelope { get; }

    public MailAddress From { get; }

    public IReadOnlyList<string> Recipients { get; }

    public string MessageId { get; }

    public DateTimeOffset Date { get; }

    /// <summary>The phone's header fields that are written back: all but an unusable Date, Message-ID or From.</summary>
    public IReadOnlyList<HeaderField> MessageFields { get; }

    /// <summary>The whole header lines the server adds: From, Date, Message-ID, MIME-Version, as needed.</summary>
    public IReadOnlyList<string> AddedFields { get; }

    /// <summary>
    /// Checks the header and decides what to keep and add. A header is refused when it is empty (the first line
    /// was not a field, so the message starts with its body) or has a line that is not a field (RFC 5322 section
    /// 2.2): a server that passed it on would send a different message than the phone meant.
    /// </summary>
    public static SubmittedMessage Create(MemorySource source, MimeStructure structure, string? accountAddress, OutgoingMessageOptions options)
    {
        var headers = structure.Headers;
        if (headers.Count == 0) throw new MimeFormatException("The message has no header");
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Name.Length == 0) throw new MimeFormatException($"Line {LineOf(headers, i)} of the header is not a header field");
        }

        var envelope = MessageEnvelope.FromHeaders(headers);
        var recipients = EnvelopeRecipients.Collect(envelope, options.MaxRecipients);
        var dropped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var added = new List<string>();

        var from = envelope.From.FirstOrDefault(m => EnvelopeRecipients.IsAddress(m.Address));
        if (from is null)
        {
            if (accountAddress is null) throw new MimeFormatException("The message has no From address and the account has no address to put there");
            if (headers.Contains("From")) dropped.Add("From");
            from = new MailAddress(string.Empty, accountAddress);
            added.Add(HeaderText.Field("From", accountAddress));
        }

        var date = envelope.Date;
        if (date is null)
        {
            if (headers.Contains("Date")) dropped.Add("Date");
            var now = options.Clock.GetUtcNow();
            date = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
            added.Add(HeaderText.Field("Date", HeaderText.Date(date.Value)));
        }

        var messageId = envelope.MessageId;
        if (messageId is null)
        {
            if (headers.Contains("Message-ID")) dropped.Add("Message-ID");
            messageId = HeaderText.NewMessageId(HeaderText.DomainOf(from.Address) ?? HeaderText.DomainOf(accountAddress) ?? "localhost");
            added.Add(HeaderText.Field("Message-ID", MessageIds.Format(messageId)));
        }

        if (!headers.Contains("MIME-Version")) added.Add("MIME-Version: 1.0\r\n");
        var kept = headers.Where(f => !dropped.Contains(f.Name)).ToList();
        return new SubmittedMessage(source, structure, envelope, from, recipients, messageId, date.Value, kept, added);
    }

    /// <summary>The 1-based line of the message on which field <paramref name="index"/> starts.</summary>
    private static int LineOf(HeaderList headers, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++) line += headers[i].RawBytes.Span.Count((byte)'\n');
        return line;
    }
}
