namespace Eas.Mail.Smtp;

/// <summary>
/// A message the server accepted (its 250 reply to the final dot, RFC 5321 section 4.1.1.4), for the recipients
/// in <see cref="AcceptedRecipients"/>. <see cref="RefusedRecipients"/> lists those the server refused at RCPT
/// TO; the message did not go to them, and the caller decides whether to report that as a partial failure
/// (see <see cref="SmtpClientOptions.RequireAllRecipients"/> for the all-or-nothing alternative).
/// </summary>
/// <param name="Reply">The server's final reply; Postfix puts its queue id in the text ("Ok: queued as 4Xy...").</param>
/// <param name="AcceptedRecipients">The recipients the message was sent to, in envelope order.</param>
/// <param name="RefusedRecipients">The recipients refused at RCPT TO, in envelope order; empty when all were accepted.</param>
public sealed record SmtpSendResult(
    SmtpReply Reply, IReadOnlyList<string> AcceptedRecipients, IReadOnlyList<SmtpRecipientRefusal> RefusedRecipients);
