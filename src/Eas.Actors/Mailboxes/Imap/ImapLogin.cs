using Eas.Mail.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>Opens a logged-in IMAP client with a user's verified credentials; the one way sessions and watchers connect.</summary>
internal static class ImapLogin
{
    /// <summary>
    /// Connects and logs in. A refused login is reported as the store being unavailable: the phone's password
    /// was accepted moments ago, so the phone is told to retry rather than asked for a new password.
    /// </summary>
    public static async Task<ImapClient> OpenAsync(ImapEndpoint endpoint, ImapClientOptions options, MailCredentials credentials, CancellationToken cancellationToken)
    {
        var client = new ImapClient(endpoint, options);
        try
        {
            await client.ConnectAsync(cancellationToken);
            await client.LoginAsync(credentials.Login, credentials.Password, cancellationToken);
            return client;
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
