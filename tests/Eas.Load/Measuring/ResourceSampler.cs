using System.Diagnostics;
using Eas.Load.Safety;

namespace Eas.Load.Measuring;

/// <summary>
/// Samples server processes once a second from /proc (Linux): resident set (<c>VmRSS</c>), open descriptors (entries
/// of <c>/proc/PID/fd</c>) and threads, and every <see cref="MetricsEvery"/>th tick the open connections the server
/// itself counts (<c>eas_connections_open</c> on its <c>/metrics</c>, no credentials), for charts of a run over time.
/// Its clock starts at <see cref="Start"/> and is the one the run's phases are marked on. Stops at
/// <see cref="StopAsync"/>, when its token is cancelled, or after <see cref="MaxTicks"/>.
/// </summary>
internal sealed class ResourceSampler
{
    public const int MaxTicks = 100_000;
    public const int MetricsEvery = 5;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MetricsTimeout = TimeSpan.FromSeconds(3);

    private readonly IReadOnlyList<(string Name, int ProcessId, Uri? BaseUrl)> _processes;
    private readonly List<ResourceSample> _samples = [];
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop;
    private readonly HttpClient _metrics = LoopbackHttp.CreateClient(timeout: MetricsTimeout);
    private readonly Task _loop;

    private ResourceSampler(IReadOnlyList<(string Name, int ProcessId, Uri? BaseUrl)> processes, CancellationToken token)
    {
        _processes = processes;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    /// <summary>Time since sampling started: the clock phases are marked on.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <param name="processes">Each process to watch, by name ("server", "node 2"), with the base URL of its /metrics when it has one.</param>
    public static ResourceSampler Start(IReadOnlyList<(string Name, int ProcessId, Uri? BaseUrl)> processes, CancellationToken token) => new(processes, token);

    public async Task<IReadOnlyList<ResourceSample>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _metrics.Dispose();
        lock (_gate) return [.. _samples];
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            for (var tick = 0; tick < MaxTicks; tick++)
            {
                await TakeAsync(tick % MetricsEvery == 0);
                if (!await timer.WaitForNextTickAsync(_stop.Token)) break;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task TakeAsync(bool withMetrics)
    {
        var at = _clock.Elapsed;
        foreach (var (name, processId, baseUrl) in _processes)
        {
            var snapshot = ProcessSnapshot.Read(processId);
            if (snapshot.RssKib is null) continue;
            double? connections = null;
            if (withMetrics && baseUrl is not null && await PrometheusText.ScrapeAsync(_metrics, baseUrl, _stop.Token) is { } text)
                connections = PrometheusText.Sum(text, "eas_connections_open");
            lock (_gate) _samples.Add(new ResourceSample(at, name, snapshot.RssKib, snapshot.OpenFiles, snapshot.Threads, connections is { } c ? (int)c : null));
        }
    }
}

/// <summary>One process at one tick: seconds since sampling started, RSS in KiB, open descriptors, threads, and the connections it counts open (every few ticks).</summary>
internal sealed record ResourceSample(TimeSpan At, string Process, long? RssKib, int? OpenFiles, int? Threads, int? Connections);
