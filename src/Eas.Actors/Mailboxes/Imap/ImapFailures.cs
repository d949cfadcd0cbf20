using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Which of MailKit's failures mean the store is unavailable (the connection is gone or in an unknown state)
/// rather than a refusal of one command. A tagged NO or BAD (<see cref="ImapCommandException"/>, RFC 3501 7.1)
/// leaves the session in a known state; everything else that escapes a command may have left part of a response
/// unread.
/// </summary>
internal static class ImapFailures
{
    /// <summary>A broken connection, a timeout, an unreadable response, a TLS failure or a BYE.</summary>
    public static bool IsUnavailable(Exception e) => e is IOException or SocketException or TimeoutException
        or ServiceNotConnectedException or ServiceNotAuthenticatedException or ImapProtocolException or SslHandshakeException;

    /// <summary><paramref name="e"/> as <see cref="MailStoreUnavailableException"/> when it is an outage; null otherwise.</summary>
    public static MailStoreUnavailableException? AsUnavailable(Exception e, string doing) =>
        e is MailStoreUnavailableException already ? already
        : IsUnavailable(e) ? new MailStoreUnavailableException($"The IMAP server failed while {doing}: {e.Message}", e)
        : null;
}
