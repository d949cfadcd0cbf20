using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Eas.Mail.Tests.Smtp;

/// <summary>
/// A loopback SMTP server that plays one scripted conversation with one client: it sends the replies it is told
/// to, checks that the client's lines are exactly the expected ones, and can switch to TLS (for STARTTLS, or
/// from the start for implicit TLS). <see cref="Completion"/> fails on the first mismatch, so a test awaits it to
/// prove the client said precisely what the script says. Lines are read octet by octet, so nothing the client
/// sends is buffered across a TLS switch.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private static readonly Lazy<X509Certificate2> ServerCertificate = new(CreateCertificate);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _implicitTls;

    public ScriptedSmtpServer(params Step[] script)
        : this(implicitTls: false, script)
    {
    }

    public ScriptedSmtpServer(bool implicitTls, params Step[] script)
    {
        _implicitTls = implicitTls;
        _listener.Start();
        Completion = RunAsync(script);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Task Completion { get; }

    /// <summary>Sends lines (CRLF is added to each) in one write.</summary>
    public static Step Send(params string[] lines) => new(StepKind.Send, string.Concat(lines.Select(line => line + "\r\n")));

    /// <summary>Reads one line from the client and requires it to equal <paramref name="line"/>.</summary>
    public static Step Expect(string line) => new(StepKind.Expect, line);

    /// <summary>Reads one line from the client and requires it to start with <paramref name="prefix"/>.</summary>
    public static Step ExpectStart(string prefix) => new(StepKind.ExpectStart, prefix);

    /// <summary>
    /// Reads the DATA stream up to and including the terminating <c>CRLF.CRLF</c> and requires it to equal
    /// <paramref name="octets"/> exactly (given as text, with its own CRLFs and final ".\r\n").
    /// </summary>
    public static Step ExpectData(string octets) => new(StepKind.ExpectData, octets);

    /// <summary>Performs the server side of a TLS handshake on the connection.</summary>
    public static Step StartTls() => new(StepKind.StartTls, "");

    /// <summary>Waits until the client closes the connection.</summary>
    public static Step ExpectClose() => new(StepKind.ExpectClose, "");

    /// <summary>Closes the connection.</summary>
    public static Step Close() => new(StepKind.Close, "");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await Completion;
        }
        catch (Exception)
        {
            // A failed script is reported by the test that awaits Completion.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(Step[] script)
    {
        using var socket = await _listener.AcceptSocketAsync(_stop.Token);
        Stream stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            if (_implicitTls) stream = await TlsAsync(stream);
            foreach (var step in script)
            {
                switch (step.Kind)
                {
                    case StepKind.Send:
                        await stream.WriteAsync(Encoding.UTF8.GetBytes(step.Text), _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                        break;
                    case StepKind.Expect:
                        var line = await ReadLineAsync(stream);
                        if (line != step.Text) throw new InvalidOperationException($"Expected \"{step.Text}\" but the client sent \"{line}\".");
                        break;
                    case StepKind.ExpectStart:
                        var start = await ReadLineAsync(stream);
                        if (start?.StartsWith(step.Text, StringComparison.Ordinal) != true)
                            throw new InvalidOperationException($"Expected a line starting \"{step.Text}\" but the client sent \"{start}\".");
                        break;
                    case StepKind.ExpectData:
                        var data = await ReadDataAsync(stream);
                        if (data != step.Text) throw new InvalidOperationException($"Expected the data\n{step.Text}\nbut the client sent\n{data}");
                        break;
                    case StepKind.StartTls:
                        stream = await TlsAsync(stream);
                        break;
                    case StepKind.ExpectClose:
                        var extra = await ReadLineAsync(stream);
                        if (extra is not null) throw new InvalidOperationException($"Expected the client to close, but it sent \"{extra}\".");
                        break;
                    case StepKind.Close:
                        return;
                }
            }
        }
        finally
        {
            await stream.DisposeAsync();
            socket.Close();
        }
    }

    private async Task<Stream> TlsAsync(Stream stream)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions { ServerCertificate = ServerCertificate.Value }, _stop.Token);
        return tls;
    }

    /// <summary>One line without its CRLF; null when the client closed the connection.</summary>
    private async Task<string?> ReadLineAsync(Stream stream)
    {
        var line = new List<byte>();
        var octet = new byte[1];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(octet, _stop.Token);
            }
            catch (IOException)
            {
                read = 0;
            }

            if (read == 0) return line.Count == 0 ? null : Encoding.UTF8.GetString([.. line]);
            if (octet[0] == '\n') return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
            line.Add(octet[0]);
        }
    }

    private async Task<string> ReadDataAsync(Stream stream)
    {
        var data = new List<byte>();
        var octet = new byte[1];
        while (!(data.Count >= 3 && data[^3] == '.' && data[^2] == '\r' && data[^1] == '\n' && (data.Count == 3 || (data.Count >= 5 && data[^5] == '\r' && data[^4] == '\n'))))
        {
            if (await stream.ReadAsync(octet, _stop.Token) == 0) throw new InvalidOperationException("The client closed the connection during DATA.");
            data.Add(octet[0]);
        }

        return Encoding.UTF8.GetString([.. data]);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    internal enum StepKind
    {
        Send,
        Expect,
        ExpectStart,
        ExpectData,
        StartTls,
        ExpectClose,
        Close,
    }

    internal sealed record Step(StepKind Kind, string Text);
}
