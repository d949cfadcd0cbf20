using System.Diagnostics;
using System.Net;
using System.Net.Security;
using Eas.Actors.Diagnostics;
using MailKit.Net.Imap;
using MailKit.Security;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Connects MailKit's <see cref="ImapClient"/> to the <see cref="ImapServer"/> and signs in: the one way
/// sessions, watchers and the authenticator reach the server.
/// </summary>
internal static class ImapConnector
{
    /// <summary>Connects, without signing in; connection trouble is <see cref="MailStoreUnavailableException"/>.</summary>
    public static async Task<SpoolingImapClient> ConnectAsync(ImapServer server, ImapMetrics? metrics, CancellationToken cancellationToken)
    {
        var client = server.ProtocolLog is { } log ? new SpoolingImapClient(log()) : new SpoolingImapClient();
        client.Timeout = (int)server.Timeout.TotalMilliseconds;
        try
        {
            if (server.AcceptAnyCertificate)
            {
                if (!await IsLoopbackAsync(server.Host, cancellationToken))
                    throw new InvalidOperationException($"AcceptAnyCertificate is allowed for loopback servers only, and {server.Host} is not one.");
                var trusted = true;
                client.ServerCertificateValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None || trusted;
                client.CheckCertificateRevocation = false;
            }

            var started = Stopwatch.GetTimestamp();
            await client.ConnectAsync(server.Host, server.Port, SocketOptions(server.Security), cancellationToken);
            metrics?.CommandCompleted("connect", Stopwatch.GetElapsedTime(started));
            return client;
        }
        catch (Exception e)
        {
            client.Dispose();
            if (ImapFailures.AsUnavailable(e, $"connecting to {server.Host}:{server.Port}") is { } unavailable) throw unavailable;
            throw;
        }
    }

    /// <summary>
    /// Connects and signs in with credentials verified moments ago. A refusal is reported as the store being
    /// unavailable: the phone's password was just accepted, so it is told to retry rather than asked for a new one.
    /// </summary>
    public static async Task<SpoolingImapClient> OpenAsync(ImapServer server, MailCredentials credentials, ImapMetrics? metrics, CancellationToken cancellationToken)
    {
        return await PacedAsync(server, () => SignedInAsync(server, credentials, metrics, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs one sign-in (connect and authenticate) in its turn at the server's <see cref="ImapLoginGate"/>, and tells the
    /// gate when the server failed it (<see cref="ServerFailed(MailStoreUnavailableException)"/>), so the node's pace
    /// follows the server (<see cref="LoginPace"/>). Every sign-in of every kind of session goes through here.
    /// </summary>
    public static async Task<T> PacedAsync<T>(ImapServer server, Func<Task<T>> signIn, CancellationToken cancellationToken)
    {
        using var place = await EnterLoginAsync(server, cancellationToken);
        try
        {
            return await signIn();
        }
        catch (MailStoreUnavailableException e) when (!cancellationToken.IsCancellationRequested && ServerFailed(e))
        {
            place?.ServerFailed();
            throw;
        }
    }

    /// <summary>
    /// Whether a failed sign-in was the IMAP server failing (timed out, dropped or refused the connection), which slows
    /// the node's sign-in pace (<see cref="LoginPace"/>), rather than the server answering: a refused password or a
    /// tagged NO/BAD is an answer, and one account's stale password must not halve every other account's sign-ins.
    /// </summary>
    internal static bool ServerFailed(MailStoreUnavailableException e) =>
        e.InnerException is not (AuthenticationException or MailKit.Net.Imap.ImapCommandException);

    private static async Task<SpoolingImapClient> SignedInAsync(ImapServer server, MailCredentials credentials, ImapMetrics? metrics, CancellationToken cancellationToken)
    {
        var client = await ConnectAsync(server, metrics, cancellationToken);
        try
        {
            await SignInAsync(client, credentials.Login, credentials.Password, metrics, cancellationToken);
            return client;
        }
        catch (AuthenticationException e)
        {
            client.Dispose();
            throw new MailStoreUnavailableException("The IMAP server refused a login it accepted moments ago.", e);
        }
        catch (Exception e)
        {
            client.Dispose();
            if (ImapFailures.AsUnavailable(e, "signing in") is { } unavailable) throw unavailable;
            throw;
        }
    }

    /// <summary>
    /// AUTHENTICATE PLAIN where the server offers it (RFC 4616), else LOGIN (RFC 3501 6.2.3), as the server's
    /// own clients would; <see cref="AuthenticationException"/> when the server refused the credentials.
    /// </summary>
    public static async Task SignInAsync(ImapClient client, string user, string password, ImapMetrics? metrics, CancellationToken cancellationToken)
    {
        var plain = client.AuthenticationMechanisms.Contains("PLAIN");
        if (!plain && client.Capabilities.HasFlag(ImapCapabilities.LoginDisabled))
            throw new MailStoreUnavailableException("The IMAP server offers neither AUTH=PLAIN nor LOGIN; check its TLS settings.");
        var credentials = new NetworkCredential(user, password);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (plain)
            {
                await client.AuthenticateAsync(new SaslMechanismPlain(credentials), cancellationToken);
            }
            else
            {
                client.AuthenticationMechanisms.Clear();
                await client.AuthenticateAsync(credentials, cancellationToken);
            }
        }
        finally
        {
            // Timed to its completion or refusal alike, as docs/Telemetry.md says of every command.
            metrics?.CommandCompleted(plain ? "AUTHENTICATE" : "LOGIN", Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// The sign-in's place at the server's <see cref="ImapLoginGate"/>, held from connect to the answer of the
    /// authentication (the part the IMAP server's login and auth processes pay for); null without a gate.
    /// </summary>
    private static async ValueTask<ImapLoginGate.Place?> EnterLoginAsync(ImapServer server, CancellationToken cancellationToken) =>
        server.LoginGate is { } gate ? await gate.EnterAsync(cancellationToken) : null;

    /// <summary>Logging out is courtesy: the session is being dropped either way.</summary>
    public static async Task CloseAsync(ImapClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, bounded.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || ImapFailures.IsUnavailable(e) || e is ImapCommandException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private static MailKit.Security.SecureSocketOptions SocketOptions(ImapSecurity security) => security switch
    {
        ImapSecurity.Tls => SecureSocketOptions.SslOnConnect,
        ImapSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    private static async Task<bool> IsLoopbackAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var address)) return IPAddress.IsLoopback(address);
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        return addresses.Length > 0 && addresses.All(IPAddress.IsLoopback);
    }
}
