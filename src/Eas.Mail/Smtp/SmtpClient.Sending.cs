using System.Buffers;

namespace Eas.Mail.Smtp;

/// <summary>One mail transaction: MAIL FROM, RCPT TO, DATA (RFC 5321 section 3.3).</summary>
public sealed partial class SmtpClient
{
    /// <summary>
    /// Most commands sent in one pipelined group (RFC 2920 section 3.1). The server's replies to a group are read
    /// only after the whole group is written, so a group must fit in the socket buffers of both sides.
    /// </summary>
    private const int PipelineGroupSize = 100;

    private const int DataChunkSize = 64 * 1024;

    /// <summary>
    /// Sends one message: MAIL FROM with <c>SIZE=</c> (RFC 1870, when offered and the stream can tell its length),
    /// <c>BODY=8BITMIME</c> (RFC 6152, when offered) and <c>SMTPUTF8</c> (RFC 6531, when the envelope needs it);
    /// RCPT TO for each recipient, pipelined in groups where PIPELINING is offered (RFC 2920); then DATA,
    /// streaming <paramref name="message"/> (RFC 5322 octets, read from its current position to its end) with
    /// CRLF line ends and dot-stuffing, and the final dot.
    /// </summary>
    /// <returns>
    /// The server's acceptance, with the recipients it refused. Some refused and others accepted is a success
    /// unless <see cref="SmtpClientOptions.RequireAllRecipients"/> is set; the caller reports the refused ones.
    /// </returns>
    /// <exception cref="SmtpCommandException">
    /// The message was not sent to anyone: the stream is longer than the server's SIZE (checked before anything is
    /// sent), MAIL was refused, every recipient was refused (<see cref="SmtpCommandException.RefusedRecipients"/>),
    /// DATA or the message was refused.
    /// </exception>
    /// <exception cref="InvalidOperationException">Reading <paramref name="message"/> failed during DATA; the session is closed.</exception>
    public Task<SmtpSendResult> SendAsync(SmtpEnvelope envelope, Stream message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(message);
        if (!message.CanRead) throw new ArgumentException("The message stream is not readable.", nameof(message));
        return RunAsync("sending a message", _options.CommandTimeout, token => SendCoreAsync(envelope, message, token), cancellationToken);
    }

    private async Task<SmtpSendResult> SendCoreAsync(SmtpEnvelope envelope, Stream message, CancellationToken cancellationToken)
    {
        long? size = message.CanSeek ? Math.Max(0, message.Length - message.Position) : null;
        if (size > Capabilities.MaxMessageSize)
        {
            var limit = new SmtpReply(552, new SmtpEnhancedStatusCode(5, 3, 4),
                [$"The message has {size} octets and the server accepts at most {Capabilities.MaxMessageSize} (SIZE, RFC 1870); it was not sent."]);
            throw new SmtpCommandException("MAIL", limit, SmtpFailureKind.MessageTooLarge);
        }

        if (envelope.RequiresSmtpUtf8 && !Capabilities.SmtpUtf8)
        {
            var ascii = new SmtpReply(553, new SmtpEnhancedStatusCode(5, 6, 7),
                ["The message needs SMTPUTF8 (RFC 6531) for its non-ASCII addresses or header fields, and the server does not offer it; it was not sent."]);
            throw new SmtpCommandException("MAIL", ascii, SmtpFailureKind.Permanent);
        }

        var recipients = await StartTransactionAsync(envelope, MailFromLine(envelope, size), cancellationToken).ConfigureAwait(false);
        var accepted = recipients.Where(pair => pair.Reply.IsPositiveCompletion).Select(pair => pair.Recipient).ToArray();
        var refused = recipients.Where(pair => !pair.Reply.IsPositiveCompletion)
            .Select(pair => new SmtpRecipientRefusal(pair.Recipient, pair.Reply)).ToArray();
        if (accepted.Length == 0 || (_options.RequireAllRecipients && refused.Length > 0))
        {
            var failure = RecipientsRefused(refused);
            if (failure is SmtpCommandException) await ResetQuietlyAsync(cancellationToken).ConfigureAwait(false);
            throw failure;
        }

        Arm(_options.CommandTimeout);
        var data = await CommandAsync("DATA", cancellationToken).ConfigureAwait(false);
        if (data.Code != 354)
        {
            if (data.Code != 421) await ResetQuietlyAsync(cancellationToken).ConfigureAwait(false);
            throw Refused("DATA", data);
        }

        Arm(_options.DataTimeout);
        await StreamMessageAsync(message, cancellationToken).ConfigureAwait(false);
        var final = await Connection.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!final.IsPositiveCompletion) throw Refused("DATA", final);
        return new SmtpSendResult(final, accepted, refused);
    }

    private string MailFromLine(SmtpEnvelope envelope, long? size)
    {
        var line = $"MAIL FROM:<{envelope.From}>";
        if (Capabilities.Size && size is { } octets) line += $" SIZE={octets}";
        if (Capabilities.EightBitMime) line += " BODY=8BITMIME";
        if (envelope.RequiresSmtpUtf8) line += " SMTPUTF8";
        return line;
    }

    /// <summary>
    /// MAIL FROM and every RCPT TO, with the server's reply to each recipient. Pipelined, the first group is MAIL
    /// and up to 99 RCPTs; a refused MAIL makes the RCPTs of its group fail too (503), and their replies are read
    /// before the refusal is raised so that the session stays in step.
    /// </summary>
    private async Task<(string Recipient, SmtpReply Reply)[]> StartTransactionAsync(SmtpEnvelope envelope, string mailFrom, CancellationToken cancellationToken)
    {
        var recipients = envelope.Recipients;
        var replies = new (string Recipient, SmtpReply Reply)[recipients.Count];
        var groupSize = Capabilities.Pipelining ? PipelineGroupSize : 1;
        Arm(_options.CommandTimeout);
        Connection.WriteLine(mailFrom);
        SmtpReply? mail = null;
        var next = 0;
        do
        {
            var end = Math.Min(recipients.Count, next + groupSize - (mail is null ? 1 : 0));
            for (var i = next; i < end; i++) Connection.WriteLine($"RCPT TO:<{recipients[i]}>");
            Arm(_options.CommandTimeout);
            await Connection.FlushAsync(cancellationToken).ConfigureAwait(false);
            mail ??= await Connection.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            for (var i = next; i < end; i++)
                replies[i] = (recipients[i], await Connection.Reader.ReadAsync(cancellationToken).ConfigureAwait(false));
            if (!mail.IsPositiveCompletion) throw Refused("MAIL", mail);
            next = end;
        }
        while (next < recipients.Count);

        return replies;
    }

    /// <summary>
    /// The refusal of a transaction whose recipients were refused: transient when every refusal was 4xx, so that
    /// the whole send may be retried; a 421 among them means the server is closing.
    /// </summary>
    private SmtpException RecipientsRefused(SmtpRecipientRefusal[] refused)
    {
        if (refused.FirstOrDefault(refusal => refusal.Reply.Code == 421) is { } closing) return Refused("RCPT", closing.Reply);
        var permanent = refused.FirstOrDefault(refusal => !refusal.IsTransient);
        return new SmtpCommandException(
            "RCPT",
            (permanent ?? refused[0]).Reply,
            permanent is null ? SmtpFailureKind.Transient : SmtpFailureKind.RecipientRejected,
            refused);
    }

    /// <summary>Streams the message in chunks through <see cref="SmtpDataEncoder"/>, then the final dot.</summary>
    private async Task StreamMessageAsync(Stream message, CancellationToken cancellationToken)
    {
        var encoder = new SmtpDataEncoder();
        var chunk = ArrayPool<byte>.Shared.Rent(DataChunkSize);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await message.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // DATA cannot be abandoned once started (RFC 5321 section 4.1.1.4): only closing stops it.
                    await AbortAsync().ConfigureAwait(false);
                    throw new InvalidOperationException("Reading the message failed during DATA; the SMTP session was closed.", e);
                }

                if (read == 0) break;
                encoder.Encode(chunk.AsSpan(0, read), Connection.Output);
                await Connection.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            encoder.Finish(Connection.Output);
            await Connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>RSET after an abandoned transaction; its refusal changes nothing about the failure being reported.</summary>
    private async Task ResetQuietlyAsync(CancellationToken cancellationToken)
    {
        Arm(_options.CommandTimeout);
        await CommandAsync("RSET", cancellationToken).ConfigureAwait(false);
    }
}
