using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Eas.Actors.Sending;

/// <summary>
/// What MailKit's exceptions mean for the phone (the <see cref="SubmissionFailure"/> kinds behind the ComposeMail
/// statuses, MS-ASCMD 2.2.2): an outage or any 4xx reply (RFC 5321 section 4.2.1) is worth a retry; a SIZE refusal
/// (552 at MAIL or DATA, RFC 1870 section 6, or the enhanced codes 5.3.4 and 5.2.3 of RFC 3463) means the message
/// must shrink; a refused RCPT names a bad recipient; a refused AUTH (535, 534; RFC 4954 section 6) bad credentials;
/// any other 5xx is final.
/// </summary>
internal static class SmtpFailures
{
    /// <summary>The failure <paramref name="error"/> stands for while <paramref name="stage"/> ran, or null for a bug to let through.</summary>
    public static SubmissionFailure? Classify(Exception error, string stage) => error switch
    {
        SmtpCommandException command => OfReply(command),
        AuthenticationException or ServiceNotAuthenticatedException => SubmissionFailure.AuthenticationFailed,
        SslHandshakeException or SmtpProtocolException or ServiceNotConnectedException => SubmissionFailure.Unavailable,
        IOException or SocketException or TimeoutException => SubmissionFailure.Unavailable,
        OperationCanceledException => SubmissionFailure.Unavailable,
        // STARTTLS not offered while connecting; no AUTH mechanism we speak while authenticating.
        NotSupportedException => stage == "connecting" ? SubmissionFailure.Unavailable : SubmissionFailure.Rejected,
        // AcceptAnyCertificate for a server that is not on loopback; an address MimeKit cannot use.
        InvalidOperationException or ArgumentException or ParseException => SubmissionFailure.Rejected,
        _ => null,
    };

    private static SubmissionFailure OfReply(SmtpCommandException error)
    {
        var code = (int)error.StatusCode;
        if (code is >= 400 and < 500) return SubmissionFailure.Unavailable;
        if (error.Message.Contains("5.3.4", StringComparison.Ordinal) || error.Message.Contains("5.2.3", StringComparison.Ordinal)) return SubmissionFailure.MessageTooLarge;
        return error.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => SubmissionFailure.RecipientRefused,
            SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted when code == 552 => SubmissionFailure.MessageTooLarge,
            _ when code is 535 or 534 => SubmissionFailure.AuthenticationFailed,
            _ => SubmissionFailure.Rejected,
        };
    }
}
