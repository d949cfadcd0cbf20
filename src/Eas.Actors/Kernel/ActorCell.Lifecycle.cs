namespace Eas.Actors.Kernel;

/// <summary>The actor's turn: one pass over the mailbox, starting, restarting and stopping instances.</summary>
internal sealed partial class ActorCell
{
    private async Task RunAsync()
    {
        try
        {
            var budget = _host.System.Options.Throughput;
            while (budget-- > 0 && !_terminated && TryRead(out var envelope))
            {
                await HandleAsync(envelope);
            }

            if (!_terminated && Interlocked.Exchange(ref _passivationRequested, 0) != 0)
            {
                await ConsiderPassivationAsync();
            }
        }
        catch (Exception ex)
        {
            KernelLog.KernelFault(_host.System.KernelLogger, Path, ex);
        }
        finally
        {
            Interlocked.Exchange(ref _scheduled, 0);
            if (!_terminated && (MailboxDepth > 0 || Volatile.Read(ref _passivationRequested) != 0))
            {
                Schedule();
            }
        }
    }

    private async Task HandleAsync(Envelope envelope)
    {
        switch (envelope.Message)
        {
            case SystemMessage system:
                await HandleSystemAsync(system);
                return;
            case TimerScheduler.Entry tick:
                if (_timers is null || !_timers.TryConsume(tick, out var timed))
                {
                    return;
                }

                envelope = new Envelope(timed, null);
                break;
        }

        if (_actor is null && !await TryStartAsync(envelope))
        {
            return;
        }

        try
        {
            var handling = _actor!.ReceiveAsync(envelope.Message);
            if (!handling.IsCompletedSuccessfully)
            {
                await handling;
            }
        }
        catch (Exception ex)
        {
            KernelLog.MessageFailed(Logger, Kind, _id, envelope.Message.GetType().Name, ex);
            envelope.Reply?.Fail(ex);
            await RestartAsync();
            return;
        }

        MarkActive();
        if (_stopRequested)
        {
            await TerminateAsync(StopReason.Stopped);
        }
    }

    private async Task HandleSystemAsync(SystemMessage system)
    {
        if (ReferenceEquals(system, SystemMessage.Start))
        {
            if (_actor is null)
            {
                await TryStartAsync(default);
            }
        }
        else if (ReferenceEquals(system, SystemMessage.Shutdown))
        {
            await TerminateAsync(StopReason.Shutdown);
        }
    }

    /// <summary>Passivates if the mailbox is still empty, nothing was handled for the idle timeout, and the
    /// actor does not veto; a vetoing entity releases its empty channel instead.</summary>
    private async Task ConsiderPassivationAsync()
    {
        if (MailboxDepth > 0 || Clock.GetElapsedTime(Volatile.Read(ref _lastActivity)) < _host.IdleTimeout)
        {
            return;
        }

        if (_actor is null || _actor.CanPassivate)
        {
            await TerminateAsync(StopReason.Passivated);
        }
        else
        {
            TrimMailbox();
        }
    }

    /// <summary>Creates and starts an instance; on failure drops <paramref name="trigger"/> and counts a restart.</summary>
    private async Task<bool> TryStartAsync(Envelope trigger)
    {
        var restarting = _restarting;
        try
        {
            var actor = _host.CreateActor(_id);
            _actorLogger ??= _host.GetActorLogger(actor.GetType());
            actor.Attach(this);
            _actor = actor;
            _restarting = false;
            _stopRequested = false;
            await actor.PreStartAsync();
        }
        catch (Exception ex)
        {
            _actor = null;
            _timers?.CancelAll();
            KernelLog.StartFailed(Logger, Kind, _id, ex);
            trigger.Reply?.Fail(ex);
            _restarting = true;
            if (!CountRestart())
            {
                await TerminateAsync(StopReason.RestartLimit);
            }

            return false;
        }

        if (!restarting)
        {
            _host.System.Metrics.Activated(Kind);
        }

        MarkActive();
        if (_stopRequested)
        {
            await TerminateAsync(StopReason.Stopped);
            return false;
        }

        return true;
    }

    private async Task RestartAsync()
    {
        var failed = _actor;
        _actor = null;
        _timers?.CancelAll();
        await PostStopAsync(failed);
        _restarting = true;
        if (!CountRestart())
        {
            await TerminateAsync(StopReason.RestartLimit);
            return;
        }

        KernelLog.Restarting(Logger, Kind, _id);
        await TryStartAsync(default);
    }

    private bool CountRestart()
    {
        var options = _host.System.Options;
        _restarts ??= new RestartTracker(options.MaxRestarts, options.RestartWindow);
        if (!_restarts.TryRecord(Clock.GetUtcNow()))
        {
            KernelLog.RestartLimitReached(Logger, Kind, _id, options.MaxRestarts, options.RestartWindow);
            return false;
        }

        _host.System.Metrics.Restarted(Kind);
        return true;
    }

    private async Task TerminateAsync(StopReason reason)
    {
        var instance = _actor;
        _actor = null;
        _timers?.CancelAll();
        _timers = null;
        await PostStopAsync(instance);
        if (instance is not null && reason == StopReason.Passivated)
        {
            _host.System.Metrics.Passivated(Kind);
        }

        if (!TryTerminate(reason))
        {
            // An entity with messages queued while it stopped: a fresh instance serves them, after this
            // one's PostStopAsync has saved its state, and in their original order.
            _stopRequested = false;
            return;
        }

        KernelLog.Stopped(Logger, Kind, _id, reason);
        DropLeftovers(reason);
        _host.System.OnCellTerminated();
    }

    private async Task PostStopAsync(Actor? instance)
    {
        if (instance is null)
        {
            return;
        }

        try
        {
            await instance.PostStopAsync();
        }
        catch (Exception ex)
        {
            KernelLog.PostStopFailed(Logger, Kind, _id, ex);
        }
    }

    private void DropLeftovers(StopReason reason)
    {
        while (TryRead(out var envelope))
        {
            if (envelope.Message is SystemMessage or TimerScheduler.Entry)
            {
                continue;
            }

            _host.System.DeadLetter(Kind, Path, envelope, reason.ToString());
        }

        _mailbox = null;
    }
}
