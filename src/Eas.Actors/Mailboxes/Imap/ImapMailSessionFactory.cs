using Eas.Mail.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Opens an account's IMAP session: log in with the user's verified credentials, and enable QRESYNC where
/// offered so that expunges are reported by UID (RFC 7162 3.2.3).
/// </summary>
public sealed class ImapMailSessionFactory(ImapEndpoint endpoint, ImapClientOptions options) : IMailSessionFactory
{
    public async Task<IMailSession> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        var client = await ImapLogin.OpenAsync(endpoint, options, credentials, cancellationToken);
        try
        {
            var qresync = client.Capabilities.Contains("QRESYNC");
            if (qresync) await client.EnableChangeTrackingAsync(cancellationToken);
            return new ImapMailSession(client, qresync);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }
}
