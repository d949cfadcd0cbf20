using Akka.Actor;
using Akka.Dispatch.SysMsg;

namespace Eas.Actors.Devices;

/// <summary>
/// One request's ask at the HTTP edge in one object: the temporary actor the device answers, the promise the edge
/// awaits, its deadline, the phone's hang-up, and what <see cref="DeviceRegion.EndAsksTo"/> needs of it (its account's
/// shard, whether it is a Ping, when it started). A parked Ping keeps it for its whole heartbeat (MS-ASCMD 2.2.3.79.1),
/// so it replaces what Akka's <c>Ask</c> keeps for the same: its <c>FutureActorRef</c>, a closure, a cancellation
/// delegate, a <c>ContinueWith</c> task and delegate, the message factory, and the async frame that awaited it.
/// </summary>
/// <remarks>
/// Like Akka's ask it is registered under the provider's <c>/temp</c> path while it runs, so an answer from another node
/// (the reply travels as that path) finds it the same way, and it is unregistered as it ends. It ends once, with what
/// comes first: the device's <see cref="CommandOutcome"/> or <see cref="Status.Failure"/>, its deadline (an
/// <see cref="Timing.AskDeadline"/> on the node's wheel, or a timer of its own without one: an
/// <see cref="AskTimeoutException"/>), or the phone hanging up (cancelled, and the device told to drop the request).
/// Its continuations run on the thread pool, never on the actor's or the wheel's thread. An answer after the end goes
/// to dead letters, as Akka's does, unless the phone had hung up.
/// </remarks>
internal sealed class EdgeAsk : MinimalActorRef
{
    private readonly DeviceRegion _region;
    private readonly IActorRefProvider _provider;
    private readonly ActorPath _path;
    private readonly TaskCompletionSource<CommandOutcome> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Timing.AskDeadline? _expiry;
    private ITimer? _timer;
    private CancellationTokenRegistration _hangUp;
    private int _ended;

    public EdgeAsk(DeviceRegion region, IActorRefProvider provider, Guid requestId, string accountId, string deviceId, string shard, bool ping)
    {
        _region = region;
        _provider = provider;
        _path = provider.TempPath();
        RequestId = requestId;
        AccountId = accountId;
        DeviceId = deviceId;
        Shard = shard;
        Ping = ping;
    }

    public Guid RequestId { get; }

    /// <summary>The account as the envelope names it (lower-cased).</summary>
    public string AccountId { get; }

    public string DeviceId { get; }

    public string Shard { get; }

    public bool Ping { get; }

    /// <summary>When the ask started (<see cref="Environment.TickCount64"/>).</summary>
    public long Started { get; } = Environment.TickCount64;

    public override ActorPath Path => _path;

    public override IActorRefProvider Provider => _provider;

    public override IInternalActorRef Parent => _provider.TempContainer;

    /// <summary>
    /// Registers the temporary actor, puts the deadline on <paramref name="wheel"/> (or starts a timer), sends
    /// <paramref name="command"/> to <paramref name="target"/> as from this ask, then listens for the hang-up, so a
    /// phone that is already gone is abandoned after its command, never before.
    /// </summary>
    public Task<CommandOutcome> Start(IActorRef target, object command, TimeSpan deadline, Timing.DeadlineWheel? wheel, CancellationToken hangUp)
    {
        _provider.RegisterTempActor(this, _path);
        if (wheel is not null) _expiry = wheel.Schedule(new Timing.AskDeadline(this, deadline), deadline);
        else _timer = TimeProvider.System.CreateTimer(static expiry => ((Timing.AskDeadline)expiry!).Expire(), new Timing.AskDeadline(this, deadline), deadline, Timeout.InfiniteTimeSpan);
        target.Tell(command, this);
        if (hangUp.CanBeCanceled)
        {
            _hangUp = hangUp.UnsafeRegister(static (ask, token) => ((EdgeAsk)ask!).HungUp(token), this);
            // Answered before the registration was made (a throttled request answered by the entity at once): End could not remove it.
            if (Volatile.Read(ref _ended) != 0) _hangUp.Unregister();
        }

        return _promise.Task;
    }

    protected override void TellInternal(object message, IActorRef sender)
    {
        switch (message)
        {
            case CommandOutcome outcome when End():
                _promise.SetResult(outcome);
                return;
            case Status.Failure failure when End():
                _promise.SetException(failure.Cause ?? new TaskCanceledException("Task cancelled by actor via Failure message."));
                return;
            case ISystemMessage system when End():
                _promise.SetException(new InvalidOperationException($"system message of type '{system.GetType().Name}' is invalid for an ask"));
                return;
            case CommandOutcome or Status.Failure or ISystemMessage:
                if (!_promise.Task.IsCanceled) _provider.DeadLetters.Tell(message, this);
                return;
            default:
                if (End()) _promise.SetException(new ArgumentException($"Received message of type [{message?.GetType()}] - Ask expected message of type [{typeof(CommandOutcome)}]"));
                return;
        }
    }

    private void HungUp(CancellationToken token)
    {
        if (!End()) return;
        _region.Abandon(this);
        _promise.SetCanceled(token);
    }

    /// <summary>True for the first end only: takes the deadline off, stops listening, unregisters the temporary actor.</summary>
    private bool End()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0) return false;
        _expiry?.Cancel();
        _timer?.Dispose();
        _hangUp.Unregister();
        _region.Ended(this);
        _provider.UnregisterTempActor(_path);
        return true;
    }
}
