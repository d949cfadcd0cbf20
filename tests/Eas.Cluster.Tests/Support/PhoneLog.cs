using System.Diagnostics;
using Xunit.Abstractions;

namespace Eas.Cluster.Tests.Support;

/// <summary>
/// What the phones of a test went through that a person would notice: refused connections and 503s, each written
/// to the test output with the time since the log began, and counted.
/// </summary>
internal sealed class PhoneLog(ITestOutputHelper output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _refusals;

    /// <summary>Requests that got no answer (connection refused or reset) or a 503.</summary>
    public int Refusals => Volatile.Read(ref _refusals);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Refused(ClusterPhone phone, string command, ClusterNode node, string why)
    {
        Interlocked.Increment(ref _refusals);
        Write($"{phone} {command} via {node}: {why}");
    }

    public void Write(string line) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {line}");
}
