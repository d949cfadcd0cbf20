using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Kernel;

/// <summary>
/// Owns the entity regions and top-level actors of one process, their metrics and their shutdown. There is
/// no global instance: the host creates one and passes it (or its regions) to whoever needs it.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, EntityRegion> _regions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ActorCell, TopLevelHost> _topLevel = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _live;
    private int _shuttingDown;
    private int _completionLogged;

    public ActorSystem(ActorSystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRestarts, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Throughput, 1);
        Options = options;
        LoggerFactory = options.LoggerFactory;
        KernelLogger = options.LoggerFactory.CreateLogger("Eas.Actors.Kernel");
        Metrics = new KernelMetrics(options.Meter, this);
    }

    /// <summary>The clock every timer, deadline and idle check of this system uses.</summary>
    public TimeProvider Clock => Options.Clock;

    /// <summary>True once <see cref="ShutdownAsync"/> has begun; no new actor or entity starts after that.</summary>
    public bool IsShuttingDown => Volatile.Read(ref _shuttingDown) != 0;

    internal ActorSystemOptions Options { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal ILogger KernelLogger { get; }

    internal KernelMetrics Metrics { get; }

    /// <summary>
    /// Starts a long-lived top-level actor (a singleton such as the license actor); its
    /// <see cref="Actor.PreStartAsync"/> runs at once. <paramref name="kind"/> names it in logs and metric tags,
    /// so it must come from a fixed set.
    /// </summary>
    public IActorRef Spawn(string kind, Func<Actor> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(factory);
        ObjectDisposedException.ThrowIf(IsShuttingDown, this);
        var host = new TopLevelHost(this, kind, factory);
        var cell = new ActorCell(host, null);
        _topLevel[cell] = host;
        CellStarted();
        cell.TryPost(new Envelope(SystemMessage.Start, null), recordDepth: false);
        StopIfLate(cell);
        return cell;
    }

    /// <summary>Creates the region of one entity kind; one region per kind and system.</summary>
    public EntityRegion CreateRegion(string kind, Func<string, Actor> factory, EntityRegionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(factory);
        ObjectDisposedException.ThrowIf(IsShuttingDown, this);
        var region = new EntityRegion(this, kind, factory, options ?? new EntityRegionOptions());
        if (!_regions.TryAdd(kind, region))
        {
            region.StopSweeping();
            throw new InvalidOperationException($"A region for kind '{kind}' already exists.");
        }

        return region;
    }

    /// <summary>
    /// Stops every actor gracefully: each handles the messages already queued, then its
    /// <see cref="Actor.PostStopAsync"/> runs (an entity may answer its parked request there). Messages told
    /// afterwards are dead letters and their asks fail with <see cref="ActorStoppedException"/>. Completes when
    /// all actors have stopped, or throws when <paramref name="cancellationToken"/> gives up waiting.
    /// </summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _shuttingDown, 1) == 0)
        {
            KernelLog.ShutdownStarted(KernelLogger, Volatile.Read(ref _live));
            foreach (var region in _regions.Values)
            {
                region.StopSweeping();
                region.PostToAll(SystemMessage.Shutdown);
            }

            foreach (var cell in _topLevel.Keys)
            {
                cell.TryPost(new Envelope(SystemMessage.Shutdown, null), recordDepth: false);
            }

            if (Volatile.Read(ref _live) == 0)
            {
                _stopped.TrySetResult();
            }
        }

        await _stopped.Task.WaitAsync(cancellationToken);
        if (Interlocked.Exchange(ref _completionLogged, 1) == 0) KernelLog.ShutdownCompleted(KernelLogger);
    }

    public ValueTask DisposeAsync() => new(ShutdownAsync());

    internal void CellStarted() => Interlocked.Increment(ref _live);

    internal void OnCellTerminated()
    {
        if (Interlocked.Decrement(ref _live) == 0 && IsShuttingDown)
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>A cell registered while shutdown was enumerating might have been missed: stop it too.</summary>
    internal void StopIfLate(ActorCell cell)
    {
        if (IsShuttingDown)
        {
            cell.TryPost(new Envelope(SystemMessage.Shutdown, null), recordDepth: false);
        }
    }

    internal void RemoveTopLevel(ActorCell cell) => _topLevel.TryRemove(cell, out _);

    internal void DeadLetter(string kind, string path, in Envelope envelope, string reason)
    {
        Metrics.DeadLetter(kind);
        KernelLog.DeadLetter(KernelLogger, envelope.Message.GetType().Name, path, reason);
        envelope.Reply?.Fail(new ActorStoppedException($"'{path}' has stopped ({reason}); the message was not handled."));
    }

    internal IEnumerable<Measurement<int>> ObserveDeepestMailboxes()
    {
        var measurements = new List<Measurement<int>>();
        foreach (var region in _regions.Values)
        {
            measurements.Add(new Measurement<int>(region.DeepestMailbox(), new KeyValuePair<string, object?>("kind", region.Kind)));
        }

        foreach (var group in _topLevel.GroupBy(pair => pair.Value.Kind, StringComparer.Ordinal))
        {
            var deepest = group.Max(pair => pair.Key.MailboxDepth);
            measurements.Add(new Measurement<int>(deepest, new KeyValuePair<string, object?>("kind", group.Key)));
        }

        return measurements;
    }

    internal IEnumerable<Measurement<int>> ObserveLiveEntities() =>
        _regions.Values
            .Select(region => new Measurement<int>(region.Count, new KeyValuePair<string, object?>("kind", region.Kind)))
            .ToList();
}
