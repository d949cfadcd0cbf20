using System.Collections.Concurrent;
using System.Text;
using MailKit;

namespace Eas.Actors.Tests.Mailboxes.Imap;

/// <summary>
/// The tagged command lines a client sent, in order (MailKit tags them with a letter per client and eight digits:
/// B00000001), and a hook that runs, on the client's own reading thread, when the server completes a command: the
/// client cannot send its next command before the hook returns, so a test can change the mailbox between two commands.
/// </summary>
internal sealed class ImapCommandLog : IProtocolLogger
{
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly StringBuilder _server = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Called with the command line the server just completed (tagged OK, NO or BAD).</summary>
    public Action<string>? Completed { get; set; }

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    public void LogConnect(Uri uri)
    {
    }

    public void LogClient(byte[] buffer, int offset, int count)
    {
        foreach (var line in Encoding.ASCII.GetString(buffer, offset, count).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsTagged(line)) _commands.Enqueue(line);
        }
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        if (Completed is not { } completed) return;
        _server.Append(Encoding.Latin1.GetString(buffer, offset, count));
        var text = _server.ToString();
        var end = text.LastIndexOf("\r\n", StringComparison.Ordinal);
        if (end < 0) return;
        _server.Remove(0, end + 2);
        foreach (var line in text[..end].Split("\r\n"))
        {
            if (!IsTagged(line)) continue;
            var tag = line[..9];
            if (_commands.FirstOrDefault(c => c.StartsWith(tag, StringComparison.Ordinal)) is { } command) completed(command);
        }
    }

    public void Dispose()
    {
    }

    private static bool IsTagged(string line) => line.Length > 10 && char.IsAsciiLetterUpper(line[0]) && char.IsAsciiDigit(line[1]) && line[9] == ' ';
}
