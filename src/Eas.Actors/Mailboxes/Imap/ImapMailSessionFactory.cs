using Eas.Actors.Diagnostics;
using Eas.Mail.Imap;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Opens an account's IMAP session: log in with the user's verified credentials, and enable QRESYNC where
/// offered so that expunges are reported by UID (RFC 7162 3.2.3).
/// </summary>
public sealed class ImapMailSessionFactory(ImapEndpoint endpoint, ImapClientOptions options) : IMailSessionFactory
{
    /// <summary>Where open sessions and command durations are counted; nothing is when null.</summary>
    public ImapMetrics? Metrics { get; init; }

    public async Task<IMailSession> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        var client = await ImapLogin.OpenAsync(endpoint, Metrics?.Observe(options) ?? options, credentials, cancellationToken);
        try
        {
            var qresync = client.Capabilities.Contains("QRESYNC");
            if (qresync) await client.EnableChangeTrackingAsync(cancellationToken);
            Metrics?.SessionOpened(ImapMetrics.MailboxPurpose);
            return new ImapMailSession(client, qresync, Metrics);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }
}
