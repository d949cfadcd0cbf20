using System.Net.Sockets;

namespace Eas.Mail.Smtp;

/// <summary>
/// One SMTP submission session (RFC 5321, RFC 6409) over TCP, STARTTLS (RFC 3207) or implicit TLS (RFC 8314):
/// connect with <see cref="ConnectAsync"/>, optionally <see cref="AuthenticateAsync"/>, then any number of
/// <see cref="SendAsync"/>, and <see cref="QuitAsync"/>. It runs one command at a time; a second concurrent call
/// throws <see cref="InvalidOperationException"/>. Every step has a timeout (<see cref="SmtpClientOptions"/>) on
/// top of the caller's token.
/// </summary>
/// <remarks>
/// Failures and what they leave behind: <see cref="SmtpCommandException"/> keeps the session usable (an open
/// mail transaction is reset first). <see cref="SmtpUnavailableException"/> (timeout, broken connection, 421),
/// <see cref="SmtpProtocolException"/> and a cancellation leave the session in doubt, so the client drops the
/// connection; connect again to go on. Passwords are sent and the octets that held them zeroed; neither they
/// nor message content appear in exceptions.
/// </remarks>
/// <example>
/// <code>
/// await using var smtp = await SmtpClient.ConnectAsync(new SmtpEndpoint("mail.example.com", 587, SmtpSecurity.StartTls));
/// await smtp.AuthenticateAsync("alice@example.com", password);
/// var result = await smtp.SendAsync(new SmtpEnvelope("alice@example.com", ["bob@example.com"]), mimeStream);
/// await smtp.QuitAsync();
/// </code>
/// </example>
public sealed partial class SmtpClient : IAsyncDisposable
{
    private readonly SmtpClientOptions _options;
    private SmtpConnection? _connection;
    private bool _lost;
    private int _busy;
    private CancellationTokenSource? _deadline;
    private TimeSpan _deadlineLength;

    private SmtpClient(SmtpEndpoint endpoint, SmtpClientOptions options)
    {
        Endpoint = endpoint;
        _options = options;
    }

    public SmtpEndpoint Endpoint { get; }

    /// <summary>The server's 220 greeting (RFC 5321 section 4.3.1).</summary>
    public SmtpReply Greeting { get; private set; } = null!;

    /// <summary>The extensions of the current state: after EHLO, and again after STARTTLS; empty after a HELO fallback.</summary>
    public SmtpCapabilities Capabilities { get; private set; } = SmtpCapabilities.Empty;

    /// <summary>Whether the connection is open; false after <see cref="QuitAsync"/>, dispose or a connection failure.</summary>
    public bool IsConnected => _connection is not null;

    /// <summary>Whether the connection runs over TLS (implicit or after STARTTLS).</summary>
    public bool IsSecure => _connection?.IsSecure ?? false;

    /// <summary>Whether AUTH succeeded in this session.</summary>
    public bool IsAuthenticated { get; private set; }

    private string Address => $"{Endpoint.Host}:{Endpoint.Port}";

    private SmtpConnection Connection =>
        _connection ?? throw (_lost
            ? new SmtpUnavailableException($"The connection to the SMTP server {Address} was lost earlier; connect again.")
            : new InvalidOperationException("The SMTP client is closed."));

    /// <summary>
    /// Connects, secures the connection as <see cref="SmtpEndpoint.Security"/> says, reads the greeting and
    /// sends EHLO (HELO when the server refuses EHLO with 5xx, RFC 5321 section 4.1.4). With
    /// <see cref="SmtpSecurity.StartTls"/> it sends STARTTLS and then EHLO again (RFC 3207 section 4.2); a
    /// server that does not offer STARTTLS is refused rather than used in the clear.
    /// </summary>
    /// <exception cref="SmtpUnavailableException">Unreachable, TLS failed or not offered, a 421 or 554 greeting, a timeout.</exception>
    /// <exception cref="SmtpCommandException">The server refused both EHLO and HELO.</exception>
    public static async Task<SmtpClient> ConnectAsync(
        SmtpEndpoint endpoint, SmtpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= SmtpClientOptions.Default;
        if (options.ClientName is { } name && (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
            throw new ArgumentException("SmtpClientOptions.ClientName must be a domain or address literal without spaces.", nameof(options));

        var client = new SmtpClient(endpoint, options);
        try
        {
            await client.RunAsync("connect", options.ConnectTimeout, client.ConnectCoreAsync, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>RSET (RFC 5321 section 4.1.1.5): abandons any mail transaction; the session stays as it is.</summary>
    public Task ResetAsync(CancellationToken cancellationToken = default) =>
        RunAsync("RSET", _options.CommandTimeout, async token =>
        {
            var reply = await CommandAsync("RSET", token).ConfigureAwait(false);
            if (!reply.IsPositiveCompletion) throw Refused("RSET", reply);
        }, cancellationToken);

    /// <summary>
    /// QUIT (RFC 5321 section 4.1.1.10): the server answers 221 and closes; so does the client. A server that
    /// closes without answering is not an error.
    /// </summary>
    public Task QuitAsync(CancellationToken cancellationToken = default) =>
        RunAsync("QUIT", _options.CommandTimeout, async token =>
        {
            try
            {
                await CommandAsync("QUIT", token).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The server closed first: the session is over either way.
            }

            await DisposeAsync().ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Closes the connection without QUIT.</summary>
    public async ValueTask DisposeAsync()
    {
        var connection = _connection;
        _connection = null;
        Capabilities = SmtpCapabilities.Empty;
        IsAuthenticated = false;
        if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ConnectCoreAsync(CancellationToken cancellationToken)
    {
        _connection = await SmtpConnection.OpenAsync(Endpoint, cancellationToken).ConfigureAwait(false);
        Greeting = await Connection.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (Greeting.Code != 220)
            throw new SmtpUnavailableException($"The SMTP server {Address} refused the session: {Greeting}");

        await HelloAsync(cancellationToken).ConfigureAwait(false);
        if (Endpoint.Security != SmtpSecurity.StartTls) return;

        if (!Capabilities.StartTls)
            throw new SmtpUnavailableException($"The SMTP server {Address} does not offer STARTTLS; refusing to continue without TLS.");
        var reply = await CommandAsync("STARTTLS", cancellationToken).ConfigureAwait(false);
        if (reply.Code != 220) throw new SmtpUnavailableException($"The SMTP server {Address} refused STARTTLS: {reply}");
        Capabilities = SmtpCapabilities.Empty;
        await Connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
        await HelloAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>EHLO, or HELO where EHLO is refused with 5xx (RFC 5321 section 4.1.4); HELO offers no extensions.</summary>
    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var name = _options.ClientName ?? Connection.LocalAddressLiteral;
        var ehlo = await CommandAsync("EHLO " + name, cancellationToken).ConfigureAwait(false);
        if (ehlo.IsPositiveCompletion)
        {
            Capabilities = SmtpCapabilities.Parse(ehlo);
            return;
        }

        if (!ehlo.IsPermanentNegative) throw Refused("EHLO", ehlo);
        var helo = await CommandAsync("HELO " + name, cancellationToken).ConfigureAwait(false);
        if (!helo.IsPositiveCompletion) throw Refused("HELO", helo);
        Capabilities = SmtpCapabilities.Empty;
    }

    /// <summary>Sends one command line and reads its reply.</summary>
    private async Task<SmtpReply> CommandAsync(string line, CancellationToken cancellationToken)
    {
        Connection.WriteLine(line);
        await Connection.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await Connection.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The exception for a refusal: a 421 means the server is closing the session (RFC 5321 section 3.8), so
    /// that is an outage; anything else a <see cref="SmtpCommandException"/> with its classification.
    /// </summary>
    private SmtpException Refused(string command, SmtpReply reply, IReadOnlyList<SmtpRecipientRefusal>? refusedRecipients = null) =>
        reply.Code == 421
            ? new SmtpUnavailableException($"The SMTP server {Address} is closing the session: {reply}")
            : new SmtpCommandException(command, reply, SmtpCommandException.Classify(command, reply), refusedRecipients);

    /// <summary>Restarts the current step's timeout, e.g. from the command timeout to the data timeout.</summary>
    private void Arm(TimeSpan timeout)
    {
        _deadlineLength = timeout;
        _deadline?.CancelAfter(timeout);
    }

    private async Task<T> RunAsync<T>(
        string operation, TimeSpan timeout, Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1)
            throw new InvalidOperationException("The SMTP client runs one command at a time and is busy.");
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _deadline = deadline;
            Arm(timeout);
            return await body(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            await AbortAsync().ConfigureAwait(false);
            throw new SmtpUnavailableException(
                $"The SMTP server {Address} did not complete {operation} within {_deadlineLength.TotalSeconds:0.###} s.", e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            await AbortAsync().ConfigureAwait(false);
            throw new SmtpUnavailableException($"The connection to the SMTP server {Address} broke during {operation}: {e.Message}", e);
        }
        catch (Exception e) when (e is OperationCanceledException or SmtpUnavailableException or SmtpProtocolException)
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _deadline = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    private Task RunAsync(string operation, TimeSpan timeout, Func<CancellationToken, Task> body, CancellationToken cancellationToken) =>
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
}
