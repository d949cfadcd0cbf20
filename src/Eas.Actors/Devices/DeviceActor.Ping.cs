using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Actors.Mailboxes;
using Eas.Actors.Timing;
using Eas.Wire.Commands.Ping;

namespace Eas.Actors.Devices;

/// <summary>
/// A parked Ping (MS-ASCMD 2.2.1.13) is state, not a waiting task: the reply handle, its heartbeat and the folders'
/// names. It ends with Status 2 when the mailbox tells of a change in a watched folder, with Status 1 when the
/// heartbeat passes, when a newer Ping or any other command of this device arrives, and at shutdown (so the phone
/// reconnects at once); a phone that hangs up just drops it. At most one per device.
/// <para>
/// A plain Ping is handed to the account entity (<see cref="HoldPing"/>, <see cref="HeldPings"/>) when
/// <see cref="DeviceActorSettings.ParkedDeviceIdle"/> is set: the entity answers it, and the device, holding nothing,
/// passivates after that shorter idle time instead of staying in memory with its sync state for the whole heartbeat.
/// The entity gives the Ping back just ahead of the device's next request (<see cref="ReturnHeldPing"/>), so the rules
/// below end it as before. A parked Sync (Wait or HeartbeatInterval) needs the device's state to run again and stays here.
/// </para>
/// <para>
/// The heartbeat of a Ping the device holds is a deadline on the node's <see cref="DeadlineWheel"/> (one object, no
/// timer of its own), and the idle timer is off while parked: Akka would re-arm it, a scheduled message and a
/// cancellation source, on every message, for a device that cannot passivate anyway.
/// </para>
/// </summary>
public sealed partial class DeviceActor
{
    private ParkedPing? _parked;
    private Deadline? _heartbeat;
    private ICancelable? _heartbeatWithoutWheel;
    private long _pingToken;

    /// <summary>True from a Ping or Sync that may have registered a watch until the watch is dropped or handed to the entity.</summary>
    private bool _mayBeWatched;

    /// <summary>True from handing a Ping to the entity until the entity gives it back or this device's next request ends it.</summary>
    private bool _handedOver;

    protected override bool CanPassivate => _parked is null;

    /// <summary>Where the mailbox tells this device's changes: the account entity when it may hold the device's Ping.</summary>
    private IActorRef WatchedBy => settings.ParkedDeviceIdle is null ? Self : Context.Parent;

    private void Park(IActorRef reply, Guid requestId, ParkPing park, DeviceRequest request)
    {
        settings.Metrics?.Parked();
        var now = settings.Clock.GetUtcNow();
        var trace = new PingTrace(now, park.Parameters.HeartbeatSeconds);
        if (request.Line.Command == Eas.Wire.Http.EasCommand.Ping) _loops.PingParked(now, park.Parameters.HeartbeatSeconds);
        var parked = new ParkedPing(reply, requestId, park.FolderIdsByName, ++_pingToken, _accountId, park.Resume, trace);
        if (park.Resume is null && settings.ParkedDeviceIdle is { } idle) HandOver(parked, idle);
        else Hold(parked);
    }

    /// <summary>Holds the parked request here, with its heartbeat on the wheel, until it ends.</summary>
    private void Hold(ParkedPing parked)
    {
        _parked = parked;
        var heartbeat = parked.Trace.Due - settings.Clock.GetUtcNow();
        if (heartbeat < TimeSpan.Zero) heartbeat = TimeSpan.Zero;
        var message = new PingHeartbeat(parked.Token);
        if (settings.Deadlines is { } wheel) _heartbeat = wheel.Schedule(new TellDeadline(Self, message), heartbeat);
        else _heartbeatWithoutWheel = Context.System.Scheduler.ScheduleTellOnceCancelable(heartbeat, Self, message, Self);
        SuspendIdleTimeout();
    }

    /// <summary>
    /// Gives a plain Ping to the account entity, with the watch registered for it: a device that stops now leaves the
    /// watch alone. A device whose requests look like a loop keeps its usual idle time, so its loop watch goes on.
    /// </summary>
    private void HandOver(ParkedPing parked, TimeSpan idle)
    {
        Context.Parent.Tell(new HoldPing(_entityId, parked.Reply, parked.RequestId, parked.FolderIdsByName, parked.Trace));
        _handedOver = true;
        _mayBeWatched = false;
        if (_loops.Quiet) SetIdleTimeout(idle);
        else ResumeIdleTimeout();
    }

    /// <summary>
    /// Just ahead of this device's next request, the entity gives back the Ping it held (the device holds it again, so
    /// the request ends it or, throttled, leaves it parked) or only the trace the loop watch goes on from.
    /// </summary>
    private void TakeBack(ReturnHeldPing returned)
    {
        _handedOver = false;
        _loops.Resume(returned.Trace);
        ResumeIdleTimeout();
        if (returned.Ping is not { } ping) return;
        _mayBeWatched = true;
        Hold(new ParkedPing(ping.Reply, ping.RequestId, ping.FolderIdsByName, ++_pingToken, _accountId, null, ping.Trace));
    }

    /// <summary>A throttled request leaves the parked Ping parked: one taken back from the entity goes back to it.</summary>
    private void HandBack()
    {
        if (_parked is not { Resume: null } parked || settings.ParkedDeviceIdle is not { } idle) return;
        ClearParked();
        HandOver(parked, idle);
    }

    /// <summary>
    /// After an admin's order (a wipe, an access decision, a removal that did not happen): the entity gave this device the
    /// Ping it held just ahead of the order (<see cref="AccountEntityActor"/>). An order that changes what the device must
    /// answer ends a parked request (<paramref name="endsParked"/>: Status 1, an empty Sync), so the phone's next request
    /// meets the new state at once; any other leaves the Ping parked, and a plain one goes back to the entity, so this
    /// device passivates as after a plain Ping instead of holding it, and itself, in memory until the heartbeat.
    /// </summary>
    private void AfterOrder(bool endsParked, string outcome)
    {
        if (_parked is null) return;
        if (!endsParked)
        {
            HandBack();
            return;
        }

        DeviceLog.ParkedEndedByOrder(settings.Logger, _entityId, outcome);
        Answer(ExpiredAnswer(), outcome, unwatch: true);
    }

    /// <summary>
    /// A change or an abandon for the Ping this device has just handed over, routed here before the entity had it:
    /// back to the entity, which applies it to the Ping it holds.
    /// </summary>
    private void ToHeldPing(object message)
    {
        if (_handedOver) Context.Parent.Tell(new ForHeldPing(_entityId, message));
    }

    private void OnFoldersChanged(FoldersChanged changed)
    {
        if (_parked is null) ToHeldPing(changed);
        else RunTask(() => OnFoldersChangedAsync(changed));
    }

    private async Task OnFoldersChangedAsync(FoldersChanged changed)
    {
        if (_parked is not { } parked) return;
        var ids = changed.FolderNames.Select(name => parked.FolderIdsByName.GetValueOrDefault(name)).OfType<string>().Distinct().ToImmutableArray();
        if (ids.IsEmpty) return;
        if (parked.Resume is { } resume)
        {
            await ResumeSyncAsync(parked, resume, changed.DetectedAt);
            return;
        }

        var latency = settings.Clock.GetUtcNow() - changed.DetectedAt;
        settings.Metrics?.PushLatency(latency);
        DeviceLog.Pushed(settings.Logger, _entityId, latency.TotalMilliseconds);
        Answer(new PingResponse(PingStatus.ChangesFound) { Folders = ids }, "changed", unwatch: true);
    }

    /// <summary>
    /// A parked Sync whose folder changed runs again and answers what it finds, with the account's switches as
    /// they are now: an account switched off meanwhile is refused, a data class switched off is not synced.
    /// </summary>
    private async Task ResumeSyncAsync(ParkedPing parked, DeviceRequest resume, DateTimeOffset detectedAt)
    {
        Unpark("changed", unwatch: true);
        try
        {
            var access = settings.Accounts is { } accounts ? await accounts.AdmitAsync(resume.AccountId) : Accounts.AccountAccess.All;
            if (access.Refusal is { } refusal)
            {
                parked.Reply.Tell(new AccessRefused(refusal));
                return;
            }

            var decided = await SyncCommand.DecideAsync(resume with { Resumed = true, Features = access.Features }, settings, _collections, NewEpoch, Target, settings.Clock.GetUtcNow());
            List<Persistence.Journal.IPersistedMessage> toPersist = [.. decided.Events, .. _collections.TakeStaged()];
            PersistThen(toPersist, parked.Reply, Apply, () =>
            {
                settings.Metrics?.PushLatency(settings.Clock.GetUtcNow() - detectedAt);
                parked.Reply.Tell(decided.Outcome);
            });
        }
        catch (Exception e)
        {
            Failed(parked.Reply, resume.AccountId, e);
            if (!IsExpected(e)) throw;
        }
    }

    private void OnHeartbeat(PingHeartbeat heartbeat)
    {
        if (_parked?.Token == heartbeat.Token) Answer(ExpiredAnswer(), "timeout", unwatch: true);
    }

    /// <summary>The phone hung up on its parked request: drop it without an answer.</summary>
    private void OnAbandoned(AbandonRequest abandoned)
    {
        if (_parked is null) ToHeldPing(abandoned);
        else if (_parked.RequestId == abandoned.RequestId) Unpark("aborted", unwatch: true);
    }

    /// <summary>
    /// A newer request of this device ends the parked one (the mailbox keeps its watcher a while for the next). A Ping
    /// handed over that the entity could not give back (this request reached the entity before the hand-over did) is
    /// ended by the entity.
    /// </summary>
    private void Supersede()
    {
        if (_parked is not null) Answer(ExpiredAnswer(), "superseded", unwatch: true);
        if (!_handedOver) return;
        ToHeldPing(SupersedeHeldPing.Instance);
        _handedOver = false;
        ResumeIdleTimeout();
    }

    /// <summary>What a parked request gets when it ends without a change: Ping Status 1, or an empty Sync response.</summary>
    private CommandOutcome ExpiredAnswer() =>
        _parked?.Resume is null ? new RespondWith(new PingResponse(PingStatus.Expired)) : new RespondEmpty();

    private void Answer(PingResponse response, string outcome, bool unwatch) => Answer(new RespondWith(response), outcome, unwatch);

    private void Answer(CommandOutcome answer, string outcome, bool unwatch)
    {
        var reply = _parked!.Reply;
        Unpark(outcome, unwatch);
        reply.Tell(answer);
    }

    private void Unpark(string outcome, bool unwatch)
    {
        var parked = _parked!;
        ClearParked();
        settings.Metrics?.Unparked(outcome);
        if (unwatch) StopWatching(parked.AccountId);
    }

    private void ClearParked()
    {
        _parked = null;
        _heartbeat?.Cancel();
        _heartbeatWithoutWheel?.Cancel();
        (_heartbeat, _heartbeatWithoutWheel) = (null, null);
        ResumeIdleTimeout();
    }

    /// <summary>
    /// Tells the mailbox this device no longer waits, if it may have been watching. From <c>PostStop</c>
    /// (<paramref name="stopping"/>) it goes through the account entity, which parents the mailbox too, not through
    /// the shard region: when the whole entity stops (hand-off, node shutdown) the message then dies with it, where
    /// through the region it would start the entity again while its shard is handed off and hold the node's
    /// shutdown for seconds.
    /// </summary>
    private void StopWatching(string accountId, bool stopping = false)
    {
        if (!_mayBeWatched) return;
        _mayBeWatched = false;
        var unwatch = new UnwatchFolders(_entityId);
        if (stopping) Context.Parent.Tell(new Cluster.AccountEnvelope(accountId.ToLowerInvariant(), Cluster.AccountChild.Mailbox, unwatch));
        else settings.Mailboxes?.Tell(accountId, unwatch);
    }

    private sealed record ParkedPing(IActorRef Reply, Guid RequestId, ImmutableDictionary<string, string> FolderIdsByName, long Token, string AccountId, DeviceRequest? Resume, PingTrace Trace);

    private sealed record PingHeartbeat(long Token);
}
