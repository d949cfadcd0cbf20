using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>The commands valid in any state (RFC 3501 section 6.1, RFC 9051 section 6.1), and raw execution.</summary>
public sealed partial class ImapClient
{
    /// <summary>CAPABILITY (RFC 3501 section 6.1.1): asks the server again and updates <see cref="Capabilities"/>.</summary>
    public Task<ImapCapabilities> CapabilityAsync(CancellationToken cancellationToken = default) =>
        RunAsync("CAPABILITY", _options.CommandTimeout, async token =>
        {
            await RefreshCapabilitiesAsync(token).ConfigureAwait(false);
            return Capabilities;
        }, cancellationToken);

    /// <summary>
    /// NOOP (RFC 3501 section 6.1.2): does nothing but lets the server send pending untagged responses; also
    /// proves the connection is alive.
    /// </summary>
    public Task NoopAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync(new ImapCommandBuilder("NOOP").Build(), null, cancellationToken);

    /// <summary>
    /// LOGOUT (RFC 3501 section 6.1.3): the server answers BYE and closes; the client is then
    /// <see cref="ImapSessionState.Disconnected"/>. A server that closes right after its BYE is logged out too, and
    /// so is a session whose connection is already gone.
    /// </summary>
    public Task LogoutAsync(CancellationToken cancellationToken = default) =>
        State == ImapSessionState.Disconnected ? Task.CompletedTask : RunAsync("LOGOUT", _options.CommandTimeout, async token =>
        {
            var command = new ImapCommandBuilder("LOGOUT").Build();
            try
            {
                var completion = await ExecuteCoreAsync(command, null, null, token).ConfigureAwait(false);
                ThrowIfNotOk(command, completion);
            }
            catch (ImapProtocolException e) when (e.ConnectionClosed && _bye is not null)
            {
                // RFC 3501 section 6.1.3 requires the tagged OK after BYE, but closing early loses nothing here.
            }
            finally
            {
                await AbortAsync().ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>
    /// Runs a command this class has no method for and returns its tagged OK; NO or BAD raise
    /// <see cref="ImapCommandException"/>. Untagged responses received meanwhile go to
    /// <paramref name="onUntagged"/>; without one, changes to the selected mailbox among them are queued as
    /// mailbox events (<see cref="TakeMailboxEvents"/>). Commands that change the session state (LOGIN,
    /// AUTHENTICATE, STARTTLS, LOGOUT, SELECT, EXAMINE, CLOSE, UNSELECT, ENABLE) must use their own methods, which
    /// keep <see cref="State"/>, <see cref="Selected"/> and <see cref="Capabilities"/> right.
    /// </summary>
    public Task<ImapResponse> ExecuteAsync(
        ImapCommand command, Action<ImapResponse>? onUntagged = null, CancellationToken cancellationToken = default) =>
        RunAsync(command.Name, _options.CommandTimeout, async token =>
        {
            try
            {
                var completion = await ExecuteCoreAsync(command, onUntagged, null, token).ConfigureAwait(false);
                ThrowIfNotOk(command, completion);
                return completion;
            }
            finally
            {
                command.EraseSecrets();
            }
        }, cancellationToken);

    private async Task RefreshCapabilitiesAsync(CancellationToken cancellationToken)
    {
        var command = new ImapCommandBuilder("CAPABILITY").Build();
        _capabilitiesUpdated = false;
        var completion = await ExecuteCoreAsync(command, null, null, cancellationToken).ConfigureAwait(false);
        ThrowIfNotOk(command, completion);
        if (!_capabilitiesUpdated)
            throw new ImapProtocolException("The IMAP server completed CAPABILITY without listing its capabilities.");
    }

    private static void ThrowIfNotOk(ImapCommand command, ImapResponse completion)
    {
        if (completion.Status != ImapResponseStatus.Ok)
            throw new ImapCommandException(command.Name, completion.Status, completion.Code, command.Redact(completion.Text));
    }
}
