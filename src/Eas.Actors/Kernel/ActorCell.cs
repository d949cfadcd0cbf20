using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Kernel;

/// <summary>
/// The runtime half of an actor: its mailbox, its turn, its lifecycle. The mailbox is a single-reader
/// unbounded channel; nothing reads it while it is empty. A post that finds the cell unscheduled queues one
/// pass of <see cref="RunAsync"/> on the thread pool, which handles up to <c>Throughput</c> messages and then
/// yields, so an idle actor holds no thread, no task and no parked read. An idle entity that vetoes
/// passivation also drops its channel (re-created by the next post), leaving only this object.
/// <para>
/// Writes happen under a lock on the cell together with the terminated check, so a message is either
/// accepted by this incarnation's loop or refused (and re-routed by the region to a successor): never lost.
/// </para>
/// </summary>
internal sealed partial class ActorCell : IActorRef, IActorContext, IEnvelopeTarget, IThreadPoolWorkItem
{
    private static readonly UnboundedChannelOptions MailboxOptions = new()
    {
        SingleReader = true,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    };

    private readonly ICellHost _host;
    private readonly string? _id;
    private readonly object _gate = new();
    private Channel<Envelope>? _mailbox;
    private bool _terminated;
    private int _depth;
    private int _scheduled;
    private int _passivationRequested;
    private long _lastActivity;

    private Actor? _actor;
    private TimerScheduler? _timers;
    private RestartTracker? _restarts;
    private ILogger? _actorLogger;
    private bool _stopRequested;
    private bool _restarting;

    public ActorCell(ICellHost host, string? id)
    {
        _host = host;
        _id = id;
        _lastActivity = host.System.Clock.GetTimestamp();
    }

    public string Path => _id is null ? _host.Kind : _host.Kind + "/" + _id;

    public string Kind => _host.Kind;

    public string? EntityId => _id;

    public IActorRef Self => this;

    public ITimerScheduler Timers => _timers ??= new TimerScheduler(this, _host.System.Clock);

    public ILogger Logger => _actorLogger ?? _host.System.KernelLogger;

    public TimeProvider Clock => _host.System.Clock;

    public ActorSystem System => _host.System;

    /// <summary>Messages waiting. Kept here because a single-reader channel cannot count; raised under the lock
    /// with each write and lowered by the reader after each read.</summary>
    public int MailboxDepth => Volatile.Read(ref _depth);

    public bool IsTerminated => Volatile.Read(ref _terminated);

    public void Tell(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _host.Route(this, new Envelope(message, null));
    }

    void IEnvelopeTarget.Post(in Envelope envelope) => _host.Route(this, envelope);

    public void Stop() => _stopRequested = true;

    /// <summary>Enqueues unless this cell has terminated; false means the caller must route elsewhere.</summary>
    public bool TryPost(in Envelope envelope, bool recordDepth = true)
    {
        int depth;
        lock (_gate)
        {
            if (_terminated)
            {
                return false;
            }

            var mailbox = _mailbox ??= Channel.CreateUnbounded<Envelope>(MailboxOptions);
            mailbox.Writer.TryWrite(envelope);
            depth = Interlocked.Increment(ref _depth);
        }

        if (recordDepth)
        {
            _host.System.Metrics.RecordMailboxDepth(depth, _host.Kind);
        }

        Schedule();
        return true;
    }

    /// <summary>
    /// Called by the region's sweep. Raises a flag and schedules the turn rather than posting a message, so
    /// asking an entity that vetoes (a parked Ping, every sweep) allocates nothing, not even its channel.
    /// </summary>
    public void RequestPassivationIfIdle(long now, TimeSpan idleTimeout)
    {
        if (Volatile.Read(ref _passivationRequested) != 0
            || Volatile.Read(ref _depth) != 0
            || _host.System.Clock.GetElapsedTime(Volatile.Read(ref _lastActivity), now) < idleTimeout)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _passivationRequested, 1, 0) == 0)
        {
            Schedule();
        }
    }

    private void Schedule()
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute() => _ = RunAsync();

    private bool TryRead(out Envelope envelope)
    {
        var mailbox = Volatile.Read(ref _mailbox);
        if (mailbox is not null && mailbox.Reader.TryRead(out envelope))
        {
            Interlocked.Decrement(ref _depth);
            return true;
        }

        envelope = default;
        return false;
    }

    /// <summary>Releases an empty channel; the next post creates a new one.</summary>
    private void TrimMailbox()
    {
        lock (_gate)
        {
            if (_depth == 0)
            {
                _mailbox = null;
            }
        }
    }

    /// <summary>Refuses further posts and detaches from the host, unless an entity has messages to serve.</summary>
    private bool TryTerminate(StopReason reason)
    {
        lock (_gate)
        {
            if (_depth > 0 && _host.RestartsOnLeftovers && reason is StopReason.Stopped or StopReason.Passivated)
            {
                return false;
            }

            _terminated = true;
            _host.Detach(this);
            return true;
        }
    }

    private void MarkActive() => Volatile.Write(ref _lastActivity, _host.System.Clock.GetTimestamp());
}
