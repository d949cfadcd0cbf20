using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Eas.Mail.Net;

namespace Eas.Mail.Smtp;

/// <summary>
/// The transport under an <see cref="SmtpClient"/>: the TCP socket, the optional TLS layer, the reply reader on
/// top and a write buffer. Connection and TLS failures come out as <see cref="SmtpUnavailableException"/>.
/// </summary>
internal sealed class SmtpConnection : IAsyncDisposable
{
    private readonly SmtpEndpoint _endpoint;
    private readonly Socket _socket;
    private readonly ArrayBufferWriter<byte> _output = new(256);

    private SmtpConnection(SmtpEndpoint endpoint, Socket socket)
    {
        _endpoint = endpoint;
        _socket = socket;
        Stream = new NetworkStream(socket, ownsSocket: true);
        Reader = new SmtpReplyReader(Stream);
    }

    public Stream Stream { get; private set; }

    public SmtpReplyReader Reader { get; private set; }

    public bool IsSecure => Stream is SslStream;

    /// <summary>Octets queued for the next <see cref="FlushAsync"/>.</summary>
    public IBufferWriter<byte> Output => _output;

    /// <summary>Our end of the connection as an address literal for EHLO (RFC 5321 section 4.1.3).</summary>
    public string LocalAddressLiteral =>
        (_socket.LocalEndPoint as IPEndPoint)?.Address switch
        {
            { IsIPv4MappedToIPv6: true } mapped => $"[{mapped.MapToIPv4()}]",
            { AddressFamily: AddressFamily.InterNetworkV6 } v6 => $"[IPv6:{new IPAddress(v6.GetAddressBytes())}]",
            { } v4 => $"[{v4}]",
            null => "[127.0.0.1]",
        };

    private string Address => $"{_endpoint.Host}:{_endpoint.Port}";

    /// <summary>Opens the TCP connection, and TLS at once for <see cref="SmtpSecurity.Tls"/>.</summary>
    public static async Task<SmtpConnection> OpenAsync(SmtpEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(endpoint.Host) || endpoint.Port is < 1 or > 65535)
            throw new ArgumentException($"Invalid SMTP endpoint {endpoint.Host}:{endpoint.Port}.", nameof(endpoint));

        var socket = await MailTransport.ConnectAsync(
            "SMTP server", endpoint.Host, endpoint.Port, (message, inner) => new SmtpUnavailableException(message, inner), cancellationToken).ConfigureAwait(false);
        var connection = new SmtpConnection(endpoint, socket);
        try
        {
            if (endpoint.Security == SmtpSecurity.Tls) await connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Puts TLS under the stream: at connect for implicit TLS, or after the server's 220 to STARTTLS. Refuses if
    /// the server already sent bytes past that reply (RFC 3207 section 4.2; CVE-2011-0411).
    /// </summary>
    public async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        if (Reader.HasBufferedData)
            throw new SmtpProtocolException("The SMTP server sent data after its STARTTLS reply, before the TLS handshake.");

        var tls = await MailTransport.NegotiateTlsAsync(
            "SMTP server", Stream, _endpoint.TlsTargetHost ?? _endpoint.Host,
            MailTransport.CertificateValidation(_socket, _endpoint.AcceptAnyCertificate, _endpoint.CertificateValidation, Address), Address,
            (message, inner) => new SmtpUnavailableException(message, inner), cancellationToken).ConfigureAwait(false);
        Reader.Dispose();
        Stream = tls;
        Reader = new SmtpReplyReader(tls);
    }

    /// <summary>Queues one command line; CRLF is added.</summary>
    public void WriteLine(string line)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(line);
        var span = _output.GetSpan(length + 2);
        System.Text.Encoding.UTF8.GetBytes(line, span);
        span[length] = (byte)'\r';
        span[length + 1] = (byte)'\n';
        _output.Advance(length + 2);
    }

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
