using Eas.Actors.Diagnostics;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Opens an account's command session: connect and sign in with the user's verified credentials, and enable
/// QRESYNC where offered so that expunges are reported by UID (RFC 7162 3.2.3).
/// </summary>
public sealed class ImapMailSessionFactory(ImapServer server) : IMailSessionFactory
{
    /// <summary>Where open sessions and command durations are counted; nothing is when null.</summary>
    public ImapMetrics? Metrics { get; init; }

    /// <summary>Where the sessions log; nowhere when not set.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    public async Task<IMailSession> OpenAsync(MailCredentials credentials, CancellationToken cancellationToken)
    {
        var client = await ImapConnector.OpenAsync(server, credentials, Metrics, cancellationToken);
        try
        {
            client.Timeout = (int)(server.CommandTimeout ?? server.Timeout).TotalMilliseconds;
            if (client.Capabilities.HasFlag(ImapCapabilities.QuickResync)) await client.EnableQuickResyncAsync(cancellationToken);
            Metrics?.SessionOpened(ImapMetrics.MailboxPurpose);
            return new ImapMailSession(client, Metrics) { Login = credentials.Login, Logger = Logger };
        }
        catch (Exception e)
        {
            await ImapConnector.CloseAsync(client);
            if (ImapFailures.AsUnavailable(e, "enabling QRESYNC") is { } unavailable) throw unavailable;
            throw;
        }
    }
}
