using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Eas.Mail.Net;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// The transport under an <see cref="ImapClient"/>: the TCP socket, the optional TLS layer, the response
/// reader on top and a write buffer. Connection failures come out as <see cref="ImapStoreUnavailableException"/>.
/// </summary>
internal sealed class ImapConnection : IAsyncDisposable
{
    private readonly ImapEndpoint _endpoint;
    private readonly ImapLimits _limits;
    private readonly Socket _socket;
    private const int CopyChunkSize = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _output = new(256);

    private ImapConnection(ImapEndpoint endpoint, ImapLimits limits, Socket socket)
    {
        _endpoint = endpoint;
        _limits = limits;
        _socket = socket;
        Stream = new NetworkStream(socket, ownsSocket: true);
        Reader = new ImapResponseReader(Stream, limits);
    }

    public Stream Stream { get; private set; }

    public ImapResponseReader Reader { get; private set; }

    public bool IsSecure => Stream is SslStream;

    private string Address => $"{_endpoint.Host}:{_endpoint.Port}";

    /// <summary>Opens the TCP connection, and TLS at once for <see cref="ImapSecurity.Tls"/>.</summary>
    public static async Task<ImapConnection> OpenAsync(ImapEndpoint endpoint, ImapLimits limits, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(endpoint.Host) || endpoint.Port is < 1 or > 65535)
            throw new ArgumentException($"Invalid IMAP endpoint {endpoint.Host}:{endpoint.Port}.", nameof(endpoint));

        var socket = await MailTransport.ConnectAsync(
            "IMAP server", endpoint.Host, endpoint.Port, (message, inner) => new ImapStoreUnavailableException(message, inner), cancellationToken).ConfigureAwait(false);
        var connection = new ImapConnection(endpoint, limits, socket);
        try
        {
            if (endpoint.Security == ImapSecurity.Tls) await connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Puts TLS under the stream: at connect for implicit TLS, or after a successful STARTTLS. Refuses if the
    /// server already sent bytes past its STARTTLS reply, which would be plaintext injected into the TLS session.
    /// </summary>
    public async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        if (Reader.HasBufferedData)
            throw new ImapProtocolException("The IMAP server sent data after its STARTTLS reply, before the TLS handshake.");

        var tls = await MailTransport.NegotiateTlsAsync(
            "IMAP server", Stream, _endpoint.TlsTargetHost ?? _endpoint.Host,
            MailTransport.CertificateValidation(_socket, _endpoint.AcceptAnyCertificate, _endpoint.CertificateValidation, Address), Address,
            (message, inner) => new ImapStoreUnavailableException(message, inner), cancellationToken).ConfigureAwait(false);
        Reader.Dispose();
        Stream = tls;
        Reader = new ImapResponseReader(tls, _limits);
    }

    /// <summary>Queues octets to send with the next <see cref="FlushAsync"/>.</summary>
    public void Write(ReadOnlySpan<byte> octets) => _output.Write(octets);

    /// <summary>Sends what was queued, then zeroes the buffer, which may have held a password.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Stream.WriteAsync(_output.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _output.Clear();
        }
    }

    /// <summary>
    /// Sends exactly <paramref name="length"/> octets of <paramref name="source"/> in pooled chunks (a streamed
    /// literal). A source that ends early would leave the server waiting for octets mid-literal, so it raises
    /// <see cref="ImapProtocolException"/> and the session ends.
    /// </summary>
    public async ValueTask CopyFromAsync(Stream source, long length, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, CopyChunkSize));
        try
        {
            var remaining = length;
            while (remaining > 0)
            {
                var read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(remaining, chunk.Length)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    throw new ImapProtocolException(
                        $"The literal's source stream ended {remaining} octets before the announced length of {length}.");
                await Stream.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _output.Clear();
        Reader.Dispose();
        try
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Closing a TLS stream sends close_notify, which fails on a connection the server already dropped.
        }

        _socket.Dispose();
    }
}
