using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// A tiny IMAP server on a loopback port that plays one account with only an INBOX: it greets, answers CAPABILITY,
/// AUTHENTICATE PLAIN and LOGIN (any credentials), LIST, STATUS and LOGOUT as RFC 3501 has them, and OK to anything
/// else. While <see cref="GarbageLeft"/> is above zero, every other command is answered with a line that is not IMAP
/// at all, the way a broken proxy or a server in trouble might answer.
/// </summary>
internal sealed class ScriptedImapServer : IAsyncDisposable
{
    /// <summary>What the server answers instead of a response while it misbehaves.</summary>
    public const string Garbage = "HTTP/1.1 502 Bad Gateway";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _garbageLeft;
    private int _garbageSent;

    public ScriptedImapServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many more commands (other than CAPABILITY, AUTHENTICATE, LOGIN and LOGOUT) get garbage.</summary>
    public int GarbageLeft
    {
        get => Volatile.Read(ref _garbageLeft);
        set => Volatile.Write(ref _garbageLeft, value);
    }

    /// <summary>How many garbage lines were sent so far.</summary>
    public int GarbageSent => Volatile.Read(ref _garbageSent);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Scripted IMAP ready");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (!await AnswerAsync(line, reader, writer)) return;
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or the test is over.
            }
        }
    }

    /// <summary>Answers one command line; false when the connection is to close.</summary>
    private async Task<bool> AnswerAsync(string line, StreamReader reader, StreamWriter writer)
    {
        var words = line.Split(' ', 3);
        if (words.Length < 2) return true;
        var (tag, command) = (words[0], words[1].ToUpperInvariant());
        switch (command)
        {
            case "CAPABILITY":
                await writer.WriteLineAsync("* CAPABILITY IMAP4rev1 AUTH=PLAIN");
                break;
            case "AUTHENTICATE":
                // Without SASL-IR the client waits for an empty continuation before it sends its PLAIN response.
                if (words.Length == 3 && !words[2].Contains(' ', StringComparison.Ordinal))
                {
                    await writer.WriteLineAsync("+ ");
                    await reader.ReadLineAsync(_stop.Token);
                }

                break;
            case "LOGIN":
                break;
            case "LOGOUT":
                await writer.WriteLineAsync("* BYE Scripted IMAP logging out");
                await writer.WriteLineAsync($"{tag} OK LOGOUT completed");
                return false;
            default:
                if (TakeGarbage())
                {
                    await writer.WriteLineAsync(Garbage);
                    return true;
                }

                await AnswerMailboxCommandAsync(command, words.Length == 3 ? words[2] : string.Empty, writer);
                break;
        }

        await writer.WriteLineAsync($"{tag} OK {command} completed");
        return true;
    }

    /// <summary>The untagged data of the commands a session and FolderSync send: the hierarchy root, INBOX, its UIDVALIDITY.</summary>
    private static async Task AnswerMailboxCommandAsync(string command, string arguments, StreamWriter writer)
    {
        switch (command)
        {
            case "LIST" when arguments.EndsWith(" \"\"", StringComparison.Ordinal):
                await writer.WriteLineAsync("* LIST (\\Noselect) \"/\" \"\"");
                break;
            case "LIST":
                await writer.WriteLineAsync("* LIST (\\HasNoChildren) \"/\" INBOX");
                break;
            case "STATUS":
                await writer.WriteLineAsync("* STATUS INBOX (UIDVALIDITY 1)");
                break;
        }
    }

    private bool TakeGarbage()
    {
        while (true)
        {
            var left = Volatile.Read(ref _garbageLeft);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref _garbageLeft, left - 1, left) != left) continue;
            Interlocked.Increment(ref _garbageSent);
            return true;
        }
    }
}
