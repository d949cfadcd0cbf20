using System.Net;
using System.Net.Sockets;
using System.Text;
using Eas.Actors.Mailboxes;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Eas.Actors.Sending;

/// <summary>
/// Submits over SMTP (RFC 6409) as the user, with the credentials the phone signed in with, on MailKit's client:
/// one session per message (connect, EHLO, STARTTLS or TLS as configured, AUTH, MAIL/RCPT/DATA, QUIT). The
/// message is first written to a temporary file that deletes itself and read back by MimeKit in persistent mode,
/// so its parts stay in the file and memory stays flat; MAIL FROM carries its SIZE (RFC 1870), so a message the
/// server will not take is refused before its data is sent. Every recipient must be accepted, or nothing is sent
/// (MailKit's default: a refused RCPT aborts the transaction). A QUIT that fails after the server took the message
/// is not a failure: the phone would send the message again.
/// <para>
/// SMTPUTF8 (RFC 6531) is asked for only when an address needs it; raw UTF-8 in the phone's header fields goes as
/// 8BITMIME (<see cref="SubmissionClient"/>).
/// </para>
/// </summary>
public sealed class SmtpMailSubmitter(SmtpSubmissionSettings settings) : IMailSubmitter
{
    private const int ScanChunk = 64 * 1024;

    public async Task SubmitAsync(
        MailCredentials credentials, string envelopeFrom, IReadOnlyList<string> recipients,
        Func<Stream, CancellationToken, Task> writeMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(writeMessage);
        if (recipients.Count == 0) throw new SubmissionException(SubmissionFailure.Rejected, "The message has no envelope recipients.");
        var sender = Mailbox(envelopeFrom);
        var forwardPaths = recipients.Distinct(StringComparer.OrdinalIgnoreCase).Select(Mailbox).ToList();

        await using var file = Persistence.TemporaryFile.Create();
        await writeMessage(file, cancellationToken);
        var eightBit = await HasEightBitBytesAsync(file, cancellationToken);
        file.Position = 0;
        using var message = await MimeMessage.LoadAsync(ParserOptions.Default, file, persistent: true, cancellationToken);

        using var client = new SubmissionClient(eightBit) { Timeout = Milliseconds(settings.Timeout) };
        var stage = "connecting";
        try
        {
            await ConnectAsync(client, cancellationToken);
            stage = "authenticating";
            await client.AuthenticateAsync(credentials.Login, credentials.Password, cancellationToken);
            stage = "sending";
            client.Timeout = Milliseconds(settings.DataTimeout);
            await client.SendAsync(FormatOptions.Default, message, sender, forwardPaths, cancellationToken);
        }
        catch (Exception e) when (SmtpFailures.Classify(e, stage) is { } failure)
        {
            throw new SubmissionException(failure, $"SMTP {stage} at {settings.Host}:{settings.Port} failed: {e.Message}", e);
        }

        await QuitQuietlyAsync(client);
    }

    /// <summary>
    /// Opens the TCP connection itself so the loopback rule of <see cref="SmtpSubmissionSettings.AcceptAnyCertificate"/>
    /// is checked against the address actually connected, not a name, then hands the socket to MailKit.
    /// </summary>
    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(settings.Timeout);
                try
                {
                    await socket.ConnectAsync(settings.Host, settings.Port, deadline.Token);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"No connection within {settings.Timeout.TotalSeconds:0.#} s.", e);
                }
            }

            client.ServerCertificateValidationCallback = settings.AcceptAnyCertificate
                ? AcceptAnyOnLoopback(socket)
                : settings.CertificateValidation;
            await client.ConnectAsync(socket, settings.Host, settings.Port, SocketOptions(settings.Security), cancellationToken);
        }
        catch
        {
            if (!client.IsConnected) socket.Dispose();
            throw;
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359", Justification = "Accepting any certificate is honoured for loopback servers only.")]
    private System.Net.Security.RemoteCertificateValidationCallback AcceptAnyOnLoopback(Socket socket)
    {
        var remote = (socket.RemoteEndPoint as IPEndPoint)?.Address;
        if (remote is { IsIPv4MappedToIPv6: true }) remote = remote.MapToIPv4();
        if (remote is null || !IPAddress.IsLoopback(remote))
            throw new InvalidOperationException($"AcceptAnyCertificate is allowed for loopback servers only, and {settings.Host} ({remote}) is not one.");
        return static (_, _, _, _) => true;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };

    /// <summary>An envelope address (RFC 5321 section 4.1.2): a plain local@domain without brackets, blanks or controls.</summary>
    private static MailboxAddress Mailbox(string address)
    {
        if (string.IsNullOrEmpty(address) || address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>') || !address.Contains('@', StringComparison.Ordinal))
            throw new SubmissionException(SubmissionFailure.Rejected, $"'{address}' is not a usable SMTP address (RFC 5321 section 4.1.2).");
        return new MailboxAddress(string.Empty, address);
    }

    private static async Task<bool> HasEightBitBytesAsync(Stream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        var buffer = new byte[ScanChunk];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (!Ascii.IsValid(buffer.AsSpan(0, read))) return true;
        }

        return false;
    }

    private static int Milliseconds(TimeSpan timeout) => (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);

    /// <summary>Ends the session after the server took the message: a failing QUIT must not turn a sent message into a failure the phone retries.</summary>
    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or CommandException or TimeoutException or OperationCanceledException)
        {
        }
    }
}
