using System.Text;

namespace Eas.Fuzz;

/// <summary>
/// Catches an input that never returns, which no exception handler can: a background thread watches the
/// progress counter and, when one input has run for <c>limit</c>, saves it as a hang and ends the process
/// with exit code 3. The fuzz loop publishes each input before running it.
/// </summary>
internal sealed class Watchdog : IDisposable
{
    public const int ExitCode = 3;

    private readonly Findings _findings;
    private readonly TimeSpan _limit;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stopped = new();
    private long _progress;
    private string _target = string.Empty;
    private long _index;
    private byte[]? _input;
    private string? _text;

    public Watchdog(Findings findings, TimeSpan limit)
    {
        _findings = findings;
        _limit = limit;
        _thread = new Thread(Watch) { IsBackground = true, Name = "fuzz watchdog" };
        _thread.Start();
    }

    public void Begin(string target, long index, byte[] input, string? text)
    {
        // Separate fields cannot tear in a way that matters: they are only read once the loop is stuck.
        Volatile.Write(ref _target, target);
        Volatile.Write(ref _index, index);
        Volatile.Write(ref _input, input);
        Volatile.Write(ref _text, text);
        Interlocked.Increment(ref _progress);
    }

    public void Dispose()
    {
        _stopped.Set();
        _thread.Join();
        _stopped.Dispose();
    }

    private void Watch()
    {
        var seen = Interlocked.Read(ref _progress);
        var since = DateTime.UtcNow;
        while (!_stopped.Wait(TimeSpan.FromSeconds(1)))
        {
            var now = Interlocked.Read(ref _progress);
            if (now != seen)
            {
                seen = now;
                since = DateTime.UtcNow;
                continue;
            }

            if (DateTime.UtcNow - since < _limit || Volatile.Read(ref _input) is not { } input) continue;
            var text = Volatile.Read(ref _text);
            if (input.Length == 0 && text is not null) input = Encoding.UTF8.GetBytes(text);
            _findings.Record(FindingKind.Hang, Volatile.Read(ref _target), "no return", Volatile.Read(ref _index), input, text,
                $"The input has run for more than {_limit.TotalSeconds:0} s without returning.", null);
            Console.Out.Flush();
            Environment.Exit(ExitCode);
        }
    }
}
