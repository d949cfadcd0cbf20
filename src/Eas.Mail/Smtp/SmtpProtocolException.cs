namespace Eas.Mail.Smtp;

/// <summary>
/// The server broke the protocol: a malformed reply (RFC 5321 section 4.2), a reply over the client's limits,
/// or data sent after its STARTTLS reply. The client has closed its connection.
/// </summary>
public sealed class SmtpProtocolException : SmtpException
{
    public SmtpProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
