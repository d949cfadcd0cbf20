using System.Diagnostics.Metrics;

namespace Eas.Actors.Diagnostics;

/// <summary>
/// Push instruments on the server's meter: parked Pings, how Pings end, push latency (watcher notification
/// to the reply handed to the edge), watcher sessions and their reconnects. Tags come from fixed sets.
/// </summary>
public sealed class PushMetrics
{
    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _reconnects;
    private long _parked;
    private long _watchers;
    private long _reconnectsTotal;
    private long _pushes;
    private long _pushMicroseconds;

    public PushMetrics(Meter meter)
    {
        meter.CreateObservableUpDownCounter("eas.ping.parked", () => Volatile.Read(ref _parked), "{request}", "Ping requests parked now, waiting for a change or their heartbeat.");
        meter.CreateObservableUpDownCounter("eas.watcher.sessions", () => Volatile.Read(ref _watchers), "{session}", "IMAP watcher sessions open now (one per watched account).");
        _outcomes = meter.CreateCounter<long>("eas.ping.outcomes", "{request}", "Parked Pings answered, by outcome: changed, timeout, superseded, aborted, shutdown.");
        _latency = meter.CreateHistogram<double>("eas.push.latency", "s", "From the watcher seeing a change to the Ping reply handed to the HTTP edge.");
        _reconnects = meter.CreateCounter<long>("eas.watcher.reconnects", "{reconnect}", "Watcher sessions reopened after a failure.");
    }

    public void Parked() => Interlocked.Increment(ref _parked);

    public void Unparked(string outcome)
    {
        Interlocked.Decrement(ref _parked);
        _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void PushLatency(TimeSpan latency)
    {
        _latency.Record(latency.TotalSeconds);
        Interlocked.Increment(ref _pushes);
        Interlocked.Add(ref _pushMicroseconds, (long)latency.TotalMicroseconds);
    }

    public void WatcherOpened() => Interlocked.Increment(ref _watchers);

    public void WatcherClosed() => Interlocked.Decrement(ref _watchers);

    public void WatcherReconnecting()
    {
        Interlocked.Increment(ref _reconnectsTotal);
        _reconnects.Add(1);
    }

    public long ParkedNow => Volatile.Read(ref _parked);

    /// <summary>Watcher sessions open now, for the admin API's live view (the meter reads the same field).</summary>
    public long WatchersNow => Volatile.Read(ref _watchers);

    /// <summary>Watcher reconnects since start, cumulative so a reader computes the rate from two readings.</summary>
    public long ReconnectsTotal => Interlocked.Read(ref _reconnectsTotal);

    /// <summary>Pushes measured since start, cumulative: with <see cref="PushMillisecondsTotal"/>, the mean latency between two readings.</summary>
    public long PushesTotal => Interlocked.Read(ref _pushes);

    /// <summary>Summed push latency since start, in milliseconds.</summary>
    public double PushMillisecondsTotal => Interlocked.Read(ref _pushMicroseconds) / 1000.0;
}
