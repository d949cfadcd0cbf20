using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Eas.Mail.Tests.Imap;

/// <summary>
/// A loopback IMAP server that plays one scripted conversation with one client: it sends the lines it is told
/// to and checks that the client's lines are exactly the expected ones. <see cref="Completion"/> fails on the
/// first mismatch, so a test awaits it to prove the client said precisely what the script says.
/// </summary>
internal sealed class ScriptedImapServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public ScriptedImapServer(params Step[] script)
    {
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

    /// <summary>Closes the connection.</summary>
    public static Step Close() => new(StepKind.Close, "");

    /// <summary>Aborts the connection with a TCP reset (RST) instead of an orderly close.</summary>
    public static Step Reset() => new(StepKind.Reset, "");

    /// <summary>Waits until the client closes the connection.</summary>
    public static Step ExpectClose() => new(StepKind.ExpectClose, "");

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
        await using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        foreach (var step in script)
        {
            switch (step.Kind)
            {
                case StepKind.Send:
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(step.Text), _stop.Token);
                    break;
                case StepKind.Expect:
                    var line = await reader.ReadLineAsync(_stop.Token);
                    if (line != step.Text) throw new InvalidOperationException($"Expected \"{step.Text}\" but the client sent \"{line}\".");
                    break;
                case StepKind.ExpectStart:
                    var start = await reader.ReadLineAsync(_stop.Token);
                    if (start?.StartsWith(step.Text, StringComparison.Ordinal) != true)
                        throw new InvalidOperationException($"Expected a line starting \"{step.Text}\" but the client sent \"{start}\".");
                    break;
                case StepKind.ExpectClose:
                    var extra = await reader.ReadLineAsync(_stop.Token);
                    if (extra is not null) throw new InvalidOperationException($"Expected the client to close, but it sent \"{extra}\".");
                    break;
                case StepKind.Close:
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                case StepKind.Reset:
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                    return;
            }
        }
    }

    internal enum StepKind
    {
        Send,
        Expect,
        ExpectStart,
        Close,
        Reset,
        ExpectClose,
    }

    internal sealed record Step(StepKind Kind, string Text);
}
