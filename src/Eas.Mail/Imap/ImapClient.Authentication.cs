using System.Text;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>The not-authenticated state's login commands (RFC 3501 sections 6.2.2 and 6.2.3).</summary>
public sealed partial class ImapClient
{
    /// <summary>
    /// RFC 5530 codes with which a server refuses a login for its own reasons, not the credentials'; these
    /// raise <see cref="ImapStoreUnavailableException"/> rather than <see cref="ImapAuthenticationException"/>.
    /// </summary>
    private static readonly HashSet<string> UnavailableCodes =
        new(["UNAVAILABLE", "SERVERBUG", "LIMIT", "INUSE", "PRIVACYREQUIRED"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// LOGIN (RFC 3501 section 6.2.3). User name and password go as quoted strings, or as literals when they
    /// contain what a quoted string cannot carry (CR, LF, non-ASCII); refused with
    /// <see cref="InvalidOperationException"/> while the server advertises LOGINDISABLED. Afterwards <see cref="Capabilities"/> holds the post-login set.
    /// </summary>
    /// <exception cref="ImapAuthenticationException">The credentials were refused.</exception>
    /// <exception cref="ImapStoreUnavailableException">The server cannot check credentials now.</exception>
    public Task LoginAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        return RunAsync("LOGIN", _options.CommandTimeout, async token =>
        {
            RequireState(ImapSessionState.NotAuthenticated, "LOGIN");
            if (Capabilities.LoginDisabled)
                throw new InvalidOperationException(
                    "The IMAP server advertises LOGINDISABLED, so LOGIN is not allowed (RFC 3501 section 6.2.3); use TLS or AUTHENTICATE.");
            var command = new ImapCommandBuilder("LOGIN", Capabilities.LiteralMode)
                .String(userName)
                .String(password, sensitive: true)
                .Build();
            await LogInAsync(command, null, token).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// AUTHENTICATE PLAIN (RFC 3501 section 6.2.2 with RFC 4616). The credentials go as the initial response on
    /// the command line where the server offers SASL-IR (RFC 4959), else after the server's empty challenge.
    /// A master user logs in as another user by giving that user as <paramref name="authorizationIdentity"/>.
    /// </summary>
    /// <exception cref="ImapAuthenticationException">The credentials were refused.</exception>
    /// <exception cref="ImapStoreUnavailableException">The server cannot check credentials now.</exception>
    public Task AuthenticatePlainAsync(
        string userName, string password, string? authorizationIdentity = null, CancellationToken cancellationToken = default)
    {
        var initialResponse = SaslPlain.Encode(authorizationIdentity, userName, password);
        return RunAsync("AUTHENTICATE", _options.CommandTimeout, async token =>
        {
            RequireState(ImapSessionState.NotAuthenticated, "AUTHENTICATE");
            if (!Capabilities.SupportsAuthentication("PLAIN"))
                throw new InvalidOperationException("The IMAP server does not advertise AUTH=PLAIN.");

            var builder = new ImapCommandBuilder("AUTHENTICATE", Capabilities.LiteralMode).Atom("PLAIN");
            var pending = initialResponse;
            if (Capabilities.SaslInitialResponse)
            {
                builder.Atom(initialResponse, sensitive: true);
                pending = null;
            }

            await LogInAsync(builder.Build(), async (_, innerToken) =>
            {
                // A challenge after the credentials are sent is not PLAIN: cancel with "*" (RFC 3501 section 6.2.2).
                var line = Encoding.ASCII.GetBytes((pending ?? "*") + "\r\n");
                pending = null;
                Connection.Write(line);
                Array.Clear(line);
                await Connection.FlushAsync(innerToken).ConfigureAwait(false);
            }, token).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task LogInAsync(
        ImapCommand command, Func<ImapResponse, CancellationToken, ValueTask>? onContinuation, CancellationToken cancellationToken)
    {
        try
        {
            _capabilitiesUpdated = false;
            var completion = await ExecuteCoreAsync(command, null, onContinuation, cancellationToken).ConfigureAwait(false);
            var text = command.Redact(completion.Text);
            switch (completion.Status)
            {
                case ImapResponseStatus.Ok:
                    State = ImapSessionState.Authenticated;
                    if (!_capabilitiesUpdated) await RefreshCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
                    return;
                case ImapResponseStatus.No when completion.Code is { } code && UnavailableCodes.Contains(code.Name):
                    throw new ImapStoreUnavailableException(
                        $"The IMAP server {Address} cannot log users in now: {code} {text}");
                case ImapResponseStatus.No:
                    throw new ImapAuthenticationException(command.Name, completion.Code, text);
                default:
                    throw new ImapCommandException(command.Name, completion.Status, completion.Code, text);
            }
        }
        finally
        {
            command.EraseSecrets();
        }
    }
}
