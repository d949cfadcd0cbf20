using Eas.Mail.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Opens an account's IMAP session: connect (TLS as configured), log in with the user's verified credentials,
/// and enable QRESYNC where offered so that expunges are reported by UID (RFC 7162 3.2.3).
/// </summary>
public sealed class ImapMailSessionFactory(ImapEndpoint endpoint, ImapClientOptions options) : IMailSessionFactory
{
    public async Task<IMailSession> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        var client = new ImapClient(endpoint, options);
        try
        {
            await client.ConnectAsync(cancellationToken);
            await client.LoginAsync(credentials.Login, credentials.Password, cancellationToken);
            var qresync = client.Capabilities.Contains("QRESYNC");
            if (qresync) await client.EnableChangeTrackingAsync(cancellationToken);
            return new ImapMailSession(client, qresync);
        }
        catch (ImapAuthenticationException e)
        {
            await client.DisposeAsync();
            throw new ImapStoreUnavailableException("The IMAP server refused a login it accepted moments ago.", e);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }
}
