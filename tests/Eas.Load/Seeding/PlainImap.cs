using MailKit.Net.Imap;
using MailKit.Security;

namespace Eas.Load.Seeding;

/// <summary>An IMAP server the load tool reaches over plain TCP on loopback (the private Dovecot of a run).</summary>
internal sealed record PlainImap(string Host, int Port)
{
    /// <summary>A MailKit client, connected and signed in.</summary>
    public async Task<ImapClient> SignInAsync(string user, string password, CancellationToken cancellationToken)
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync(Host, Port, SecureSocketOptions.None, cancellationToken);
            await client.AuthenticateAsync(user, password, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>What an IMAP exchange throws when the server or the connection fails.</summary>
    public static bool IsFailure(Exception e) => e is MailKit.ProtocolException or MailKit.CommandException or MailKit.ServiceNotConnectedException
        or AuthenticationException or IOException or System.Net.Sockets.SocketException or TimeoutException;
}
