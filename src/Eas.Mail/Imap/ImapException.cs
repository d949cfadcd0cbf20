namespace Eas.Mail.Imap;

/// <summary>
/// Base of the IMAP client's failures. Catch the subclasses to decide what to tell a user:
/// <see cref="ImapAuthenticationException"/> means the credentials were refused (HTTP 401);
/// <see cref="ImapStoreUnavailableException"/> and <see cref="ImapProtocolException"/> mean the store could not
/// serve the request (HTTP 503, retry later); <see cref="ImapCommandException"/> means a command was refused.
/// No message of these types contains a password.
/// </summary>
public abstract class ImapException : Exception
{
    private protected ImapException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
