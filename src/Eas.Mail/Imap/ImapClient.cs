using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// One IMAP session (RFC 3501, RFC 9051) over TCP, STARTTLS or implicit TLS. It runs one command at a time;
/// a second concurrent call throws <see cref="InvalidOperationException"/>. Every operation has a timeout
/// (<see cref="ImapClientOptions"/>) on top of the caller's token.
/// </summary>
/// <remarks>
/// Failures and what they leave behind: <see cref="ImapCommandException"/> (NO/BAD) and
/// <see cref="ImapAuthenticationException"/> keep the session usable. An outage
/// (<see cref="ImapStoreUnavailableException"/>: timeout, BYE, <c>[UNAVAILABLE]</c>), a cancellation, a broken
/// connection or a protocol violation (<see cref="ImapProtocolException"/>) leave the session in doubt, so the
/// client drops the connection and returns to <see cref="ImapSessionState.Disconnected"/>; connect again to
/// go on. Passwords are never kept:
/// they are sent, then the octets that held them are zeroed.
/// </remarks>
public sealed partial class ImapClient : IAsyncDisposable
{
    private readonly ImapClientOptions _options;
    private ImapConnection? _connection;
    private bool _lost;
    private int _busy;
    private int _lastTag;
    private bool _capabilitiesUpdated;
    private ImapResponse? _bye;

    public ImapClient(ImapEndpoint endpoint, ImapClientOptions? options = null)
    {
        Endpoint = endpoint;
        _options = options ?? ImapClientOptions.Default;
    }

    public ImapEndpoint Endpoint { get; }

    public ImapSessionState State { get; private set; }

    /// <summary>The capabilities of the current state; <see cref="ImapCapabilities.Empty"/> when disconnected.</summary>
    public ImapCapabilities Capabilities { get; private set; } = ImapCapabilities.Empty;

    /// <summary>Whether the connection runs over TLS (implicit or after STARTTLS).</summary>
    public bool IsSecure => _connection?.IsSecure ?? false;

    /// <summary>The server's greeting (RFC 3501 section 7.1); <see langword="null"/> before connecting.</summary>
    public ImapResponse? Greeting { get; private set; }

    private string Address => $"{Endpoint.Host}:{Endpoint.Port}";

    /// <summary>
    /// The live connection. After a connection broke, commands fail as the broken connection they meet
    /// (<see cref="ImapProtocolException.ConnectionClosed"/>), so callers treat them like any dropped session;
    /// before the first connect, using the client is a programming error.
    /// </summary>
    private ImapConnection Connection =>
        _connection ?? throw (_lost ? ImapProtocolException.Gone(Address) : new InvalidOperationException("The IMAP client is not connected."));

    /// <summary>
    /// Connects, secures the connection as <see cref="ImapEndpoint.Security"/> says, reads the greeting and
    /// learns the capabilities. With <see cref="ImapSecurity.StartTls"/> a server that does not offer STARTTLS
    /// is refused rather than used in the clear. Unreachable servers, TLS failures, a BYE greeting and timeouts
    /// raise <see cref="ImapStoreUnavailableException"/>.
    /// </summary>
    public Task ConnectAsync(CancellationToken cancellationToken = default) =>
        RunAsync("connect", _options.ConnectTimeout, ConnectCoreAsync, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        var connection = _connection;
        _connection = null;
        ResetMailboxSession();
        State = ImapSessionState.Disconnected;
        Capabilities = ImapCapabilities.Empty;
        if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ConnectCoreAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null) throw new InvalidOperationException("The IMAP client is already connected.");
        _bye = null;
        _capabilitiesUpdated = false;
        try
        {
            _connection = await ImapConnection.OpenAsync(Endpoint, _options.Limits, cancellationToken).ConfigureAwait(false);
            var greeting = await ReadAsync(cancellationToken).ConfigureAwait(false);
            Greeting = greeting;
            State = greeting switch
            {
                { Kind: ImapResponseKind.Untagged, Status: ImapResponseStatus.Ok } => ImapSessionState.NotAuthenticated,
                { Kind: ImapResponseKind.Untagged, Status: ImapResponseStatus.PreAuth } => ImapSessionState.Authenticated,
                { Kind: ImapResponseKind.Untagged, Status: ImapResponseStatus.Bye } =>
                    throw new ImapStoreUnavailableException($"The IMAP server {Address} refused the connection: {greeting.Text}"),
                _ => throw new ImapProtocolException($"The IMAP server {Address} sent no greeting but: {greeting}"),
            };
            if (!_capabilitiesUpdated) await RefreshCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
            if (Endpoint.Security == ImapSecurity.StartTls) await StartTlsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException || e is ImapProtocolException { ConnectionClosed: true })
        {
            throw new ImapStoreUnavailableException(
                $"The IMAP server {Address} dropped the connection while it was being set up: {e.Message}", e);
        }
    }

    /// <summary>
    /// STARTTLS (RFC 3501 section 6.2.1): only in the not-authenticated state, and afterwards every capability
    /// learnt in the clear is discarded and asked for again.
    /// </summary>
    private async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        if (State != ImapSessionState.NotAuthenticated)
            throw new ImapStoreUnavailableException(
                $"The IMAP server {Address} pre-authenticated the connection in the clear, so STARTTLS is impossible.");
        if (!Capabilities.StartTls)
            throw new ImapStoreUnavailableException(
                $"The IMAP server {Address} does not offer STARTTLS; refusing to continue without TLS.");

        var command = new ImapCommandBuilder("STARTTLS").Build();
        var completion = await ExecuteCoreAsync(command, null, null, cancellationToken).ConfigureAwait(false);
        if (completion.Status != ImapResponseStatus.Ok)
            throw new ImapStoreUnavailableException(
                $"The IMAP server {Address} refused STARTTLS: {completion.Code} {completion.Text}");

        Capabilities = ImapCapabilities.Empty;
        await Connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
        await RefreshCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a command and reads until its tagged completion, which is returned whatever its status.
    /// Synchronizing literals wait for the server's <c>+</c>; a tagged answer instead means the server refused
    /// the command before its literal and is returned as the completion. Continuation requests after the
    /// command go to <paramref name="onContinuation"/>; untagged responses to <paramref name="onUntagged"/>.
    /// </summary>
    private async Task<ImapResponse> ExecuteCoreAsync(
        ImapCommand command,
        Action<ImapResponse>? onUntagged,
        Func<ImapResponse, CancellationToken, ValueTask>? onContinuation,
        CancellationToken cancellationToken)
    {
        var connection = Connection;
        var tag = NextTag();
        connection.Write(Encoding.ASCII.GetBytes(tag + " "));
        foreach (var part in command.Parts)
        {
            if (part.WaitForContinuation)
            {
                await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
                var refusal = await WaitForContinuationAsync(tag, onUntagged, cancellationToken).ConfigureAwait(false);
                if (refusal is not null) return refusal;
            }

            if (part.Source is { } source)
            {
                await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
                await connection.CopyFromAsync(source, part.SourceLength, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                connection.Write(part.Bytes);
            }
        }

        await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var response = await ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (response.Kind)
            {
                case ImapResponseKind.Tagged when response.Tag == tag:
                    return response;
                case ImapResponseKind.Tagged:
                    throw new ImapProtocolException($"The IMAP server completed tag {response.Tag} while {tag} was pending.");
                case ImapResponseKind.Continuation when onContinuation is not null:
                    await onContinuation(response, cancellationToken).ConfigureAwait(false);
                    break;
                case ImapResponseKind.Continuation:
                    throw new ImapProtocolException($"The IMAP server sent an unexpected continuation request during {command.Name}.");
                default:
                    if (onUntagged is null) RecordMailboxEvent(response);
                    else onUntagged(response);
                    break;
            }
        }
    }

    private string NextTag() => "A" + (++_lastTag).ToString("D4", CultureInfo.InvariantCulture);

    private async Task<ImapResponse?> WaitForContinuationAsync(
        string tag, Action<ImapResponse>? onUntagged, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (response.Kind)
            {
                case ImapResponseKind.Continuation:
                    return null;
                case ImapResponseKind.Tagged when response.Tag == tag:
                    return response;
                case ImapResponseKind.Tagged:
                    throw new ImapProtocolException($"The IMAP server completed tag {response.Tag} while {tag} was pending.");
                default:
                    if (onUntagged is null) RecordMailboxEvent(response);
                    else onUntagged(response);
                    break;
            }
        }
    }

    /// <summary>Reads one response, keeping what the session tracks itself: capabilities and a BYE.</summary>
    private async Task<ImapResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await Connection.Reader.ReadAsync(_literalTarget, cancellationToken).ConfigureAwait(false);
        if (response is { Kind: ImapResponseKind.Untagged, Status: ImapResponseStatus.Bye }) _bye = response;
        if (response.Name == "CAPABILITY")
            SetCapabilities(ImapCapabilities.Parse(response.Data.Select(value => value.AsText() ?? "")));
        else if (response.Code is { Name: "CAPABILITY", Arguments: { } names })
            SetCapabilities(ImapCapabilities.Parse(names));
        return response;
    }

    private void SetCapabilities(ImapCapabilities capabilities)
    {
        Capabilities = capabilities;
        _capabilitiesUpdated = true;
    }

    private async Task<T> RunAsync<T>(
        string operation, TimeSpan timeout, Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1)
            throw new InvalidOperationException("The IMAP client runs one command at a time and is busy.");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            return await body(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            await AbortAsync().ConfigureAwait(false);
            throw new ImapStoreUnavailableException(
                $"The IMAP server {Address} did not complete {operation} within {timeout.TotalSeconds:0.###} s.", e);
        }
        catch (ImapProtocolException e) when (e.ConnectionClosed && _bye is not null)
        {
            var text = _bye.Text;
            await AbortAsync().ConfigureAwait(false);
            throw new ImapStoreUnavailableException($"The IMAP server {Address} closed the connection: {text}", e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            var bye = _bye?.Text;
            await AbortAsync().ConfigureAwait(false);
            if (bye is not null) throw new ImapStoreUnavailableException($"The IMAP server {Address} closed the connection: {bye}", e);
            throw ImapProtocolException.Broken($"The connection to the IMAP server {Address} broke: {e.Message}", e);
        }
        catch (Exception e) when (e is OperationCanceledException or ImapProtocolException or ImapStoreUnavailableException)
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
            _options.CommandCompleted?.Invoke(operation, Stopwatch.GetElapsedTime(started));
        }
    }

    private Task RunAsync(
        string operation, TimeSpan timeout, Func<CancellationToken, Task> body, CancellationToken cancellationToken) =>
        RunAsync(operation, timeout, async token =>
        {
            await body(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private ValueTask AbortAsync()
    {
        _lost = true;
        return DisposeAsync();
    }

    private void RequireState(ImapSessionState state, string command)
    {
        if (State != state)
            throw new InvalidOperationException($"{command} is not allowed in the {State} state.");
    }
}
