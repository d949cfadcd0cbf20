using System.Diagnostics;
using System.Globalization;

namespace Eas.Load.Measuring;

/// <summary>
/// Samples another process's resident set size (<c>VmRSS</c> in <c>/proc/PID/status</c>, Linux only) at a
/// fixed interval on a background task, so that whether a server's memory stays flat during a sync can be
/// read off the series. Sampling stops at <see cref="StopAsync"/>, when the process is gone, when the token
/// given at start is cancelled, or after <see cref="MaxSamples"/>, whichever is first.
/// </summary>
internal sealed class RssSampler
{
    public const int MaxSamples = 100_000;

    private readonly int _processId;
    private readonly TimeSpan _interval;
    private readonly List<RssSample> _samples = [];
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    private RssSampler(int processId, TimeSpan interval, CancellationToken cancellationToken)
    {
        _processId = processId;
        _interval = interval;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    /// <summary>Starts sampling; fails at once if the process does not exist or /proc has no VmRSS for it.</summary>
    public static RssSampler Start(int processId, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (ReadKib(processId) is null)
            throw new ArgumentException($"No VmRSS for process {processId} in /proc/{processId}/status: is it running, on Linux?", nameof(processId));
        return new RssSampler(processId, interval, cancellationToken);
    }

    /// <summary>The process's VmRSS in KiB, or null if it cannot be read (the process is gone).</summary>
    public static long? ReadKib(int processId) => ReadStatusKib(processId, "VmRSS:");

    /// <summary>The process's peak resident set size so far (VmHWM) in KiB, or null if it cannot be read.</summary>
    public static long? ReadPeakKib(int processId) => ReadStatusKib(processId, "VmHWM:");

    private static long? ReadStatusKib(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
                var number = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return null;
    }

    /// <summary>Ends sampling, takes a last sample, and returns the series.</summary>
    public async Task<RssSeries> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        Take();
        lock (_gate) return new RssSeries(_processId, [.. _samples]);
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        Take();
        try
        {
            for (var count = 1; count < MaxSamples; count++)
            {
                if (!await timer.WaitForNextTickAsync(_stop.Token)) break;
                if (!Take()) break;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool Take()
    {
        if (ReadKib(_processId) is not { } kib) return false;
        lock (_gate) _samples.Add(new RssSample(_clock.Elapsed, kib));
        return true;
    }
}

/// <summary>One reading: time since sampling started, and the resident set in KiB.</summary>
internal readonly record struct RssSample(TimeSpan At, long Kib);

/// <summary>The readings of one process in time order.</summary>
internal sealed record RssSeries(int ProcessId, IReadOnlyList<RssSample> Samples)
{
    public long FirstKib => Samples.Count == 0 ? 0 : Samples[0].Kib;

    public long LastKib => Samples.Count == 0 ? 0 : Samples[^1].Kib;

    public long MinKib => Samples.Count == 0 ? 0 : Samples.Min(s => s.Kib);

    public long MaxKib => Samples.Count == 0 ? 0 : Samples.Max(s => s.Kib);

    /// <summary>At most <paramref name="points"/> samples spread evenly over the series, first and last included.</summary>
    public IReadOnlyList<RssSample> Thinned(int points)
    {
        if (Samples.Count <= points) return Samples;
        return [.. Enumerable.Range(0, points).Select(i => Samples[(int)Math.Round(i * (Samples.Count - 1) / (double)(points - 1))])];
    }
}
