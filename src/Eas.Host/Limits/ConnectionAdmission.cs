using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Eas.Host.Limits;

/// <summary>
/// Counts the node's connections against its <see cref="ConnectionCap"/>: each new connection is admitted while
/// fewer than the cap are open, else it is over the cap, and counted as refused once <see cref="ConnectionCapping"/>
/// has answered it 503 with Retry-After (or it ended without a request; one served for the node's own paths is not).
/// Publishes the connections, the refusals and the process's descriptors on the server's meter, and logs the cap
/// being reached at most once a <see cref="ReportEvery"/>, with the refusals since the last line.
/// </summary>
public sealed class ConnectionAdmission
{
    /// <summary>The shortest time between two "cap reached" log lines.</summary>
    public static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long a count of /proc/self/fd is reused by the descriptor gauge (a scrape must not list 20,000 entries each time).</summary>
    private static readonly TimeSpan DescriptorSampleAge = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger;
    private readonly Counter<long>? _refusedCounter;
    private long _open;
    private long _overCap;
    private long _refusedSinceReport;
    private long _lastReport = long.MinValue;
    private long _descriptorsSampledAt = long.MinValue;
    private int _descriptors;

    public ConnectionAdmission(ConnectionCap cap, TimeSpan retryAfter, Meter? meter, ILogger logger)
    {
        Cap = cap;
        RetryAfter = retryAfter;
        _logger = logger;
        if (meter is null) return;
        meter.CreateObservableUpDownCounter("eas.connections.open", () => Volatile.Read(ref _open), "{connection}", "Client connections admitted and open now.");
        _refusedCounter = meter.CreateCounter<long>("eas.connections.refused", "{connection}", "Connections refused with 503 and Retry-After because the connection cap was reached.");
        if (cap.Cap is { } limit) meter.CreateObservableGauge("eas.connections.cap", () => (long)limit, "{connection}", "Connections this node serves at once (Eas:Limits:MaxConnections or the descriptor limit less the reserve).");
        if (cap.DescriptorLimit is { } descriptors) meter.CreateObservableGauge("eas.process.descriptor_limit", () => descriptors, "{descriptor}", "The process's descriptor limit (RLIMIT_NOFILE) read at start.");
        if (ProcessDescriptors.Open() is not null) meter.CreateObservableGauge("eas.process.descriptors", () => (long)SampleDescriptors(), "{descriptor}", "Descriptors the process has open (counted in /proc/self/fd, at most every 5 s).");
    }

    public ConnectionCap Cap { get; }

    /// <summary>The Retry-After of a refused connection.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Connections admitted and open now.</summary>
    public long Open => Volatile.Read(ref _open);

    /// <summary>Admits one connection if the cap allows (call <see cref="Leave"/> when it closes), else returns false.</summary>
    public bool TryAdmit()
    {
        var open = Interlocked.Increment(ref _open);
        if (Cap.Cap is not { } cap || open <= cap) return true;
        Interlocked.Decrement(ref _open);
        return false;
    }

    /// <summary>An admitted connection closed.</summary>
    public void Leave() => Interlocked.Decrement(ref _open);

    /// <summary>Connections over the cap open now (being refused, or served for the node's own paths).</summary>
    public long OverCap => Volatile.Read(ref _overCap);

    /// <summary>
    /// Takes a place for a connection over the cap while fewer than <see cref="ConnectionCap.HardStop"/> connections are
    /// open in all (call <see cref="EndOverCap"/> when it closes); false past it, where the connection is closed unanswered.
    /// </summary>
    public bool TryStartOverCap()
    {
        var over = Interlocked.Increment(ref _overCap);
        if (Cap.HardStop is not { } stop || Open + over <= stop) return true;
        Interlocked.Decrement(ref _overCap);
        return false;
    }

    /// <summary>A connection over the cap closed.</summary>
    public void EndOverCap() => Interlocked.Decrement(ref _overCap);

    /// <summary>A connection over the cap was refused: counted, and logged at most once a <see cref="ReportEvery"/>.</summary>
    public void Refuse()
    {
        if (Cap.Cap is not { } cap) return;
        _refusedCounter?.Add(1);
        Interlocked.Increment(ref _refusedSinceReport);
        var now = Stopwatch.GetTimestamp();
        var last = Volatile.Read(ref _lastReport);
        if (last != long.MinValue && Stopwatch.GetElapsedTime(last, now) < ReportEvery) return;
        if (Interlocked.CompareExchange(ref _lastReport, now, last) != last) return;
        LimitsLog.CapReached(_logger, cap, Interlocked.Exchange(ref _refusedSinceReport, 0), Open, SampleDescriptors(), Cap.DescriptorLimit ?? -1);
    }

    private int SampleDescriptors()
    {
        var now = Stopwatch.GetTimestamp();
        var sampled = Volatile.Read(ref _descriptorsSampledAt);
        if (sampled != long.MinValue && Stopwatch.GetElapsedTime(sampled, now) < DescriptorSampleAge) return Volatile.Read(ref _descriptors);
        var open = ProcessDescriptors.Open() ?? -1;
        Volatile.Write(ref _descriptors, open);
        Volatile.Write(ref _descriptorsSampledAt, now);
        return open;
    }
}
