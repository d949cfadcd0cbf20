using Eas.Actors.Mailboxes;
using Eas.Mail.Smtp;

namespace Eas.Actors.Sending;

/// <summary>
/// Submits over SMTP (RFC 6409) as the user, with the credentials the phone signed in with: one session per
/// message (connect, EHLO, STARTTLS or TLS as configured, AUTH, MAIL/RCPT/DATA, QUIT). The message is first
/// written to a temporary file that deletes itself, so the server's SIZE limit is checked before anything is
/// sent and memory stays flat. Every recipient must be accepted, or nothing is sent.
/// <para>
/// SMTPUTF8 (RFC 6531) is asked for only when an address needs it. Raw UTF-8 in the phone's header fields goes
/// as 8BITMIME, as mail clients send it: asking SMTPUTF8 for headers makes Postfix insist on it for every next
/// hop, and Dovecot 2.3's LMTP does not offer it, so the message would bounce instead of being delivered.
/// </para>
/// </summary>
public sealed class SmtpMailSubmitter(SmtpEndpoint endpoint, SmtpClientOptions options) : IMailSubmitter
{
    private readonly SmtpClientOptions _options = options with { RequireAllRecipients = true };

    public async Task SubmitAsync(
        MailCredentials credentials, string envelopeFrom, IReadOnlyList<string> recipients,
        Func<Stream, CancellationToken, Task> writeMessage, CancellationToken cancellationToken)
    {
        await using var file = Persistence.TemporaryFile.Create();
        await writeMessage(file, cancellationToken);
        file.Position = 0;
        try
        {
            var envelope = new SmtpEnvelope(envelopeFrom, recipients);
            await using var client = await SmtpClient.ConnectAsync(endpoint, _options, cancellationToken);
            await client.AuthenticateAsync(credentials.Login, credentials.Password, cancellationToken: cancellationToken);
            await client.SendAsync(envelope, file, cancellationToken);
            await QuitQuietlyAsync(client);
        }
        catch (SmtpUnavailableException e)
        {
            throw new SubmissionException(SubmissionFailure.Unavailable, e.Message, e);
        }
        catch (SmtpProtocolException e)
        {
            throw new SubmissionException(SubmissionFailure.Unavailable, e.Message, e);
        }
        catch (SmtpCommandException e)
        {
            throw new SubmissionException(FailureOf(e.Kind), $"{e.Command}: {e.ReplyCode} {e.ReplyText}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The server offers no AUTH mechanism we speak, AcceptAnyCertificate names a remote host, an address is unusable.
            throw new SubmissionException(SubmissionFailure.Rejected, e.Message, e);
        }
    }

    /// <summary>Ends the session after the server took the message: a failing QUIT must not turn a sent message into a failure the phone retries.</summary>
    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        try
        {
            await client.QuitAsync(CancellationToken.None);
        }
        catch (SmtpException)
        {
        }
    }

    private static SubmissionFailure FailureOf(SmtpFailureKind kind) => kind switch
    {
        SmtpFailureKind.Transient => SubmissionFailure.Unavailable,
        SmtpFailureKind.RecipientRejected => SubmissionFailure.RecipientRefused,
        SmtpFailureKind.MessageTooLarge => SubmissionFailure.MessageTooLarge,
        SmtpFailureKind.AuthenticationFailed => SubmissionFailure.AuthenticationFailed,
        _ => SubmissionFailure.Rejected,
    };
}
