namespace Eas.Load.Push;

/// <summary>
/// Dovecot through a push bench, every <see cref="Interval"/> (<see cref="PushProbe.SampleDovecot"/>): its processes
/// and their PSS rise and fall with the IMAP sessions the servers hold (command sessions opened by a Sync, closed after
/// the idle time, opened again for a moment by the webhook mode's safety net), which the bench's few snapshots would
/// miss. Stops at <see cref="StopAsync"/> or when its token is cancelled.
/// </summary>
internal sealed class DovecotSampler
{
    /// <summary>Reading every Dovecot process's smaps_rollup and descriptors takes a moment with thousands of them.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private const int MaxSamples = 20_000;

    private readonly PushProbe _probe;
    private readonly List<DovecotSample> _samples = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    private DovecotSampler(PushProbe probe, CancellationToken token)
    {
        _probe = probe;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    public static DovecotSampler Start(PushProbe probe, CancellationToken token) => new(probe, token);

    public async Task<IReadOnlyList<DovecotSample>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        lock (_gate) return [.. _samples];
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            for (var n = 0; n < MaxSamples; n++)
            {
                if (_probe.SampleDovecot() is { } sample)
                {
                    lock (_gate) _samples.Add(sample);
                }

                if (!await timer.WaitForNextTickAsync(_stop.Token)) break;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
