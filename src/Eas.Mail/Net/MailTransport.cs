using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Eas.Mail.Net;

/// <summary>
/// What the IMAP and SMTP connections share below their protocols: opening the TCP socket, negotiating TLS on
/// it (at connect, or after STARTTLS), the loopback-only "accept any certificate" rule, and the first-line
/// probe the local server launchers use to see a server is up. Failures are turned into each protocol's own
/// "server unavailable" exception by <c>unavailable</c>.
/// </summary>
internal static class MailTransport
{
    /// <summary>Opens a TCP connection with Nagle off; <c>server</c> names it in messages (<c>IMAP server</c>).</summary>
    public static async Task<Socket> ConnectAsync(string server, string host, int port, Func<string, Exception, Exception> unavailable, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw unavailable($"Cannot connect to the {server} {host}:{port}: {e.SocketErrorCode}.", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Authenticates the server over <paramref name="plain"/> and returns the TLS stream (which owns it).</summary>
    public static async Task<SslStream> NegotiateTlsAsync(
        string server, Stream plain, string targetHost, RemoteCertificateValidationCallback? validation, string address,
        Func<string, Exception, Exception> unavailable, CancellationToken cancellationToken)
    {
        var tls = new SslStream(plain, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions { TargetHost = targetHost, RemoteCertificateValidationCallback = validation };
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw unavailable($"TLS with the {server} {address} failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// The certificate check to use: the endpoint's own, or with <paramref name="acceptAny"/> none at all, which
    /// is refused unless the peer is a loopback address (a development server with a self-signed certificate).
    /// </summary>
    [SuppressMessage("Security", "CA5359", Justification = "Accepting any certificate is honoured for loopback servers only.")]
    public static RemoteCertificateValidationCallback? CertificateValidation(Socket socket, bool acceptAny, RemoteCertificateValidationCallback? own, string address)
    {
        if (!acceptAny) return own;
        var remote = (socket.RemoteEndPoint as IPEndPoint)?.Address;
        if (remote is { IsIPv4MappedToIPv6: true }) remote = remote.MapToIPv4();
        if (remote is null || !IPAddress.IsLoopback(remote))
            throw new InvalidOperationException($"AcceptAnyCertificate is allowed for loopback servers only, and {address} is not one.");
        return static (_, _, _, _) => true;
    }

    /// <summary>The first line a server on 127.0.0.1:<paramref name="port"/> sends (its greeting), or null when it does not answer within 2 s.</summary>
    public static async Task<string?> ReadGreetingAsync(int port, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), attempt.Token).ConfigureAwait(false);
            var buffer = new byte[512];
            var length = 0;
            while (length < buffer.Length && Array.IndexOf(buffer, (byte)'\n', 0, length) < 0)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(length), attempt.Token).ConfigureAwait(false);
                if (read == 0) return null;
                length += read;
            }

            return Encoding.ASCII.GetString(buffer, 0, length);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
