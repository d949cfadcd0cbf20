namespace Eas.Mail.Smtp;

/// <summary>
/// The submission server cannot be used right now: the connection was refused, broke or timed out, TLS could
/// not be set up or was not offered, or the server said 421 (service not available, RFC 5321 section 3.8) or
/// greeted with 554. Nothing is known about the credentials or the message; a gateway answers 503 with
/// Retry-After. The client has closed its connection; connect again to go on. When this happens after the
/// message's final dot was sent and before the server's reply, the message may have been accepted anyway
/// (RFC 5321 section 6.1 warns of the duplicate a resend then makes).
/// </summary>
public sealed class SmtpUnavailableException : SmtpException
{
    public SmtpUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
