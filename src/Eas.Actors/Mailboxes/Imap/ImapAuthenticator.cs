using Eas.Actors.Diagnostics;
using MailKit.Security;

namespace Eas.Actors.Mailboxes.Imap;

/// <summary>
/// Checks credentials with a short IMAP session of its own: connect, sign in (SASL PLAIN where offered, RFC 4616,
/// else LOGIN, RFC 3501 6.2.3), log out. An empty password, or a name or password containing NUL, is refused
/// without asking the server. Each check takes its turn at the server's <see cref="ImapLoginGate"/> and tells it when the
/// server failed it, so the gate's pace follows the server.
/// </summary>
public sealed class ImapAuthenticator(ImapServer server) : IMailAuthenticator
{
    /// <summary>Where connect and sign-in durations are counted; nothing is when null.</summary>
    public ImapMetrics? Metrics { get; init; }

    public async Task<MailSignInResult> AuthenticateAsync(string user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        if (user.Length == 0 || password.Length == 0 || user.Contains('\0') || password.Contains('\0'))
            return MailSignInResult.Refused("Empty user name or password, or one containing NUL.");

        return await ImapConnector.PacedAsync(server, () => CheckAsync(user, password, cancellationToken), cancellationToken);
    }

    private async Task<MailSignInResult> CheckAsync(string user, string password, CancellationToken cancellationToken)
    {
        var client = await ImapConnector.ConnectAsync(server, Metrics, cancellationToken);
        try
        {
            await ImapConnector.SignInAsync(client, user, password, Metrics, cancellationToken);
            return MailSignInResult.Accepted;
        }
        catch (AuthenticationException e)
        {
            return MailSignInResult.Refused(e.Message);
        }
        catch (Exception e) when (ImapFailures.AsUnavailable(e, "checking credentials") is { } unavailable)
        {
            throw unavailable;
        }
        catch (MailKit.Net.Imap.ImapCommandException e)
        {
            throw new MailStoreUnavailableException($"The IMAP server {server.Host}:{server.Port} could not check credentials: {e.Message}", e);
        }
        finally
        {
            await ImapConnector.CloseAsync(client);
        }
    }
}
