namespace Eas.Mail.Smtp;

/// <summary>A recipient the server refused at RCPT TO, with the server's reply (e.g. 550 5.1.1 user unknown).</summary>
/// <param name="Recipient">The address as given in the <see cref="SmtpEnvelope"/>.</param>
/// <param name="Reply">The refusal: 4xx for now (retry later), 5xx for good.</param>
public sealed record SmtpRecipientRefusal(string Recipient, SmtpReply Reply)
{
    /// <summary>Whether the refusal is temporary (4xx), so that the same recipient may be tried again later.</summary>
    public bool IsTransient => Reply.IsTransientNegative;
}
