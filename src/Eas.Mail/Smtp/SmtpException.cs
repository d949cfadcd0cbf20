namespace Eas.Mail.Smtp;

/// <summary>
/// Base of the SMTP client's failures. <see cref="SmtpUnavailableException"/>: the server could not be reached
/// or used (connection refused or broken, timeout, TLS failure, 421); retry later. <see cref="SmtpProtocolException"/>:
/// the server broke the protocol; retry later or alert an operator. <see cref="SmtpCommandException"/>: the
/// server answered a command with a failure; its <see cref="SmtpCommandException.Kind"/> says what to do.
/// No message of these types contains a password or message content.
/// </summary>
public abstract class SmtpException : Exception
{
    private protected SmtpException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
