namespace Eas.Actors.Mailboxes;

/// <summary>
/// The mail store (the provider's IMAP server) cannot be used right now: the connection was refused, dropped or
/// timed out, TLS could not be set up, the server said BYE or answered something the client could not read.
/// Nothing is known about the credentials or the phone's state; the edge answers 503 with Retry-After, never 401,
/// and never resets a sync state. A refused command on one item (a NO or BAD answer) is not this: it is that
/// item's failure.
/// </summary>
public sealed class MailStoreUnavailableException : Exception
{
    public MailStoreUnavailableException(string message)
        : base(message)
    {
    }

    public MailStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
