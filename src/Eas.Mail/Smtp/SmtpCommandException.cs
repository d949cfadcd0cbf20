namespace Eas.Mail.Smtp;

/// <summary>
/// The server refused a command with a 4xx or 5xx reply (RFC 5321 section 4.2), or the client refused to send
/// a message the server had already said it would refuse (a size over its SIZE, RFC 1870; non-ASCII addresses
/// without SMTPUTF8, RFC 6531), in which case <see cref="Reply"/> is the reply the server would have given and
/// nothing was sent. The session remains usable: any open mail transaction has been reset.
/// </summary>
/// <remarks>
/// Map <see cref="Kind"/> to what the user is told: <see cref="SmtpFailureKind.Transient"/> retry later;
/// <see cref="SmtpFailureKind.RecipientRejected"/> report <see cref="RefusedRecipients"/>;
/// <see cref="SmtpFailureKind.MessageTooLarge"/> the message must shrink;
/// <see cref="SmtpFailureKind.AuthenticationFailed"/> the credentials are wrong;
/// <see cref="SmtpFailureKind.Permanent"/> the same request will fail again.
/// </remarks>
public sealed class SmtpCommandException : SmtpException
{
    public SmtpCommandException(
        string command, SmtpReply reply, SmtpFailureKind kind, IReadOnlyList<SmtpRecipientRefusal>? refusedRecipients = null)
        : base(Describe(command, reply, refusedRecipients))
    {
        Command = command;
        Reply = reply;
        Kind = kind;
        RefusedRecipients = refusedRecipients ?? [];
    }

    /// <summary>
    /// The verb refused: <c>EHLO</c>, <c>HELO</c>, <c>AUTH</c>, <c>MAIL</c>, <c>RCPT</c>, <c>DATA</c> (the command,
    /// or the message at its final dot), <c>RSET</c>. Never the arguments.
    /// </summary>
    public string Command { get; }

    /// <summary>The refusing reply; for RCPT failures, the first refused recipient's reply.</summary>
    public SmtpReply Reply { get; }

    public SmtpFailureKind Kind { get; }

    /// <summary>Whether the same request may succeed later (<see cref="SmtpFailureKind.Transient"/>).</summary>
    public bool IsTransient => Kind == SmtpFailureKind.Transient;

    /// <summary>The reply code, e.g. 550.</summary>
    public int ReplyCode => Reply.Code;

    /// <summary>The RFC 3463 code, e.g. 5.1.1, when the server sent one.</summary>
    public SmtpEnhancedStatusCode? EnhancedStatusCode => Reply.EnhancedStatusCode;

    /// <summary>The server's human-readable text.</summary>
    public string ReplyText => Reply.Text;

    /// <summary>For a RCPT failure, every refused recipient with its reply; otherwise empty.</summary>
    public IReadOnlyList<SmtpRecipientRefusal> RefusedRecipients { get; }

    /// <summary>
    /// Classifies a refusal of <paramref name="command"/>: any 4xx is transient; a 5xx is a size refusal when
    /// its enhanced code says so (5.3.4 message too big for system, 5.2.3 message length exceeds administrative
    /// limit; RFC 3463) or when it is 552 at MAIL or DATA (RFC 1870 section 6); an authentication failure when
    /// AUTH gets 535 or 534 (RFC 4954 section 6); a recipient refusal at RCPT; permanent otherwise.
    /// </summary>
    public static SmtpFailureKind Classify(string command, SmtpReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.IsTransientNegative) return SmtpFailureKind.Transient;
        if (reply.EnhancedStatusCode is { Class: 5, Subject: 3, Detail: 4 } or { Class: 5, Subject: 2, Detail: 3 })
            return SmtpFailureKind.MessageTooLarge;
        return command switch
        {
            "MAIL" or "DATA" when reply.Code == 552 => SmtpFailureKind.MessageTooLarge,
            "AUTH" when reply.Code is 535 or 534 => SmtpFailureKind.AuthenticationFailed,
            "RCPT" => SmtpFailureKind.RecipientRejected,
            _ => SmtpFailureKind.Permanent,
        };
    }

    private static string Describe(string command, SmtpReply reply, IReadOnlyList<SmtpRecipientRefusal>? refused)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = $"The SMTP server refused {command}: {reply}";
        if (refused is null || refused.Count == 0) return text;
        return $"The SMTP server refused {refused.Count} recipient(s): " +
               string.Join("; ", refused.Select(refusal => $"<{refusal.Recipient}> {refusal.Reply}"));
    }
}
