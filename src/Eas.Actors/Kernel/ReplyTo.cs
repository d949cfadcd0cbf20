namespace Eas.Actors.Kernel;

/// <summary>
/// The reply handle of one ask. An actor may answer at once or keep the handle in its state and answer later
/// (a parked long-poll). Exactly one of reply, failure, deadline or cancellation wins; every later attempt is
/// ignored and returns false, so a late reply never throws. Check <see cref="IsPending"/> before doing work
/// for an asker that may have gone, and drop handles that are no longer pending.
/// </summary>
/// <typeparam name="T">The reply type the asker awaits.</typeparam>
public sealed class ReplyTo<T> : IReplyHandle
{
    private const int Pending = 0;
    private const int Completed = 1;
    private const int Abandoned = 2;

    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private ITimer? _deadline;
    private CancellationTokenRegistration _cancellation;
    private AbandonNotice? _notice;
    private string? _target;
    private TimeSpan _timeout;

    /// <summary>What the asker awaits. Completes without running the asker's continuation on the replying thread.</summary>
    public Task<T> Task => _completion.Task;

    /// <summary>True while the asker still waits: no reply or failure yet, deadline not passed, not cancelled.</summary>
    public bool IsPending => Volatile.Read(ref _state) == Pending;

    /// <summary>True when the asker gave up (deadline passed or request cancelled) before any reply.</summary>
    public bool IsAbandoned => Volatile.Read(ref _state) == Abandoned;

    /// <summary>Completes the ask with <paramref name="value"/>; false (and no effect) if it is no longer pending.</summary>
    public bool Reply(T value)
    {
        if (!TryTransition(Completed))
        {
            return false;
        }

        Release();
        _completion.TrySetResult(value);
        return true;
    }

    /// <summary>Fails the ask with <paramref name="error"/>; false (and no effect) if it is no longer pending.</summary>
    public bool Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!TryTransition(Completed))
        {
            return false;
        }

        Release();
        _completion.TrySetException(error);
        return true;
    }

    /// <summary>
    /// Tells <paramref name="target"/> <paramref name="message"/> once if the asker gives up (deadline or
    /// cancellation), so an actor holding a parked reply can clean up at once rather than at its next timer.
    /// Nothing is sent when the ask is answered or failed. If the asker has already gone, it is sent now.
    /// </summary>
    public void NotifyWhenAbandoned(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        Volatile.Write(ref _notice, new AbandonNotice(target, message));
        if (IsAbandoned)
        {
            SendNotice();
        }
    }

    internal void Arm(TimeProvider clock, string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _target = target;
        _timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _deadline = ClockTimers.Create(clock, static s => ((ReplyTo<T>)s!).Expire(), this, timeout, Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (s, token) => ((ReplyTo<T>)s!).Cancel(token), this);
        }

        if (!IsPending)
        {
            Release();
        }
    }

    private void Expire()
    {
        if (!TryTransition(Abandoned))
        {
            return;
        }

        Release();
        _completion.TrySetException(new AskTimeoutException($"No reply from '{_target}' within {_timeout}."));
        SendNotice();
    }

    private void Cancel(CancellationToken token)
    {
        if (!TryTransition(Abandoned))
        {
            return;
        }

        Release();
        _completion.TrySetCanceled(token);
        SendNotice();
    }

    private bool TryTransition(int to) => Interlocked.CompareExchange(ref _state, to, Pending) == Pending;

    private void Release()
    {
        _deadline?.Dispose();
        _cancellation.Unregister();
    }

    private void SendNotice()
    {
        var notice = Interlocked.Exchange(ref _notice, null);
        notice?.Target.Tell(notice.Message);
    }

    private sealed record AbandonNotice(IActorRef Target, object Message);
}
