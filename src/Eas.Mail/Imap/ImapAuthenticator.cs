namespace Eas.Mail.Imap;

/// <summary>
/// Checks credentials with a short IMAP session of its own: connect, AUTHENTICATE PLAIN where the server
/// advertises it (RFC 4616), else LOGIN (RFC 3501 section 6.2.3), then LOGOUT. An empty password is rejected
/// without asking the server.
/// </summary>
public sealed class ImapAuthenticator : IImapAuthenticator
{
    private readonly ImapEndpoint _endpoint;
    private readonly ImapClientOptions _options;

    public ImapAuthenticator(ImapEndpoint endpoint, ImapClientOptions? options = null)
    {
        _endpoint = endpoint;
        _options = options ?? ImapClientOptions.Default;
    }

    public async Task<ImapAuthResult> AuthenticateAsync(string user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        if (user.Length == 0 || password.Length == 0 || user.Contains('\0') || password.Contains('\0'))
            return ImapAuthResult.Rejected(null, "Empty user name or password, or one containing NUL.");

        var client = new ImapClient(_endpoint, _options);
        await using (client.ConfigureAwait(false))
        {
            try
            {
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                if (client.Capabilities.SupportsAuthentication("PLAIN"))
                    await client.AuthenticatePlainAsync(user, password, null, cancellationToken).ConfigureAwait(false);
                else if (!client.Capabilities.LoginDisabled)
                    await client.LoginAsync(user, password, cancellationToken).ConfigureAwait(false);
                else
                    throw new ImapStoreUnavailableException(
                        $"The IMAP server {_endpoint.Host}:{_endpoint.Port} offers neither AUTH=PLAIN nor LOGIN; check its TLS settings.");
            }
            catch (ImapAuthenticationException e)
            {
                await LogOutQuietlyAsync(client, cancellationToken).ConfigureAwait(false);
                return ImapAuthResult.Rejected(e.ResponseCode, e.ResponseText);
            }
            catch (Exception e) when (e is ImapProtocolException or ImapCommandException)
            {
                throw new ImapStoreUnavailableException(
                    $"The IMAP server {_endpoint.Host}:{_endpoint.Port} could not check credentials: {e.Message}", e);
            }

            await LogOutQuietlyAsync(client, cancellationToken).ConfigureAwait(false);
            return ImapAuthResult.Success;
        }
    }

    /// <summary>Logging out is courtesy: the verdict is already known, so its failure changes nothing.</summary>
    private static async Task LogOutQuietlyAsync(ImapClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.LogoutAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ImapException)
        {
        }
    }
}
