namespace Eas.Mail.Imap;

/// <summary>
/// The mail store cannot be used right now: the connection was refused or timed out, TLS could not be set up,
/// the server said BYE or answered <c>[UNAVAILABLE]</c> (RFC 5530 section 3). Nothing is known about the
/// credentials; a gateway answers 503 with Retry-After, never 401.
/// </summary>
public sealed class ImapStoreUnavailableException : ImapException
{
    public ImapStoreUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
