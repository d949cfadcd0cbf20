namespace Eas.Mail.Imap;

/// <summary>
/// The server broke the protocol (a malformed response, an unexpected tag, a response over
/// <see cref="Protocol.ImapLimits"/>) or the connection broke mid-session. The session is unusable afterwards.
/// </summary>
public sealed class ImapProtocolException : ImapException
{
    public ImapProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    private ImapProtocolException(string message, bool connectionClosed, Exception? innerException = null)
        : base(message, innerException) => ConnectionClosed = connectionClosed;

    /// <summary>
    /// Whether the cause is the connection ending (the server closed it, or it was reset) rather than bad data.
    /// </summary>
    public bool ConnectionClosed { get; }

    /// <summary>The connection failed under a command (reset, broken pipe, closed socket).</summary>
    internal static ImapProtocolException Broken(string message, Exception innerException) =>
        new(message, connectionClosed: true, innerException);

    /// <summary>A command on a session whose connection already broke: the caller must connect again.</summary>
    internal static ImapProtocolException Gone(string address) =>
        new($"The connection to the IMAP server {address} was lost earlier; connect again.", connectionClosed: true);

    internal static ImapProtocolException Closed(bool midResponse) =>
        new(midResponse
                ? "The IMAP server closed the connection in the middle of a response."
                : "The IMAP server closed the connection.",
            connectionClosed: true);
}
