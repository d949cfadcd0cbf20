using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Mailboxes;
using Eas.Actors.Timing;
using Eas.Wire.Commands.Ping;

namespace Eas.Actors.Devices;

/// <summary>
/// A parked Ping (MS-ASCMD 2.2.1.13) is state, not a waiting task: the reply handle, its heartbeat timer and
/// the folders' names. It ends with Status 2 when the mailbox tells of a change in a watched folder, with
/// Status 1 when the heartbeat passes, when a newer Ping or any other command of this device arrives, and at
/// shutdown (so the phone reconnects at once); a phone that hangs up just drops it. At most one per device.
/// The heartbeat is a deadline on the node's <see cref="DeadlineWheel"/> (one object, no timer of its own), and the
/// idle timer is off while parked: Akka would re-arm it, a scheduled message and a cancellation source, on every
/// message, for a device that cannot passivate anyway.
/// </summary>
public sealed partial class DeviceActor
{
    private ParkedPing? _parked;
    private Deadline? _heartbeat;
    private ICancelable? _heartbeatWithoutWheel;
    private long _pingToken;

    /// <summary>True from a Ping or Sync that may have registered a watch until the watch is dropped.</summary>
    private bool _mayBeWatched;

    protected override bool CanPassivate => _parked is null;

    private void Park(IActorRef reply, Guid requestId, ParkPing park, DeviceRequest request)
    {
        var token = ++_pingToken;
        _parked = new ParkedPing(reply, requestId, park.FolderIdsByName, token, request.AccountId, park.Resume);
        settings.Metrics?.Parked();
        if (request.Line.Command == Eas.Wire.Http.EasCommand.Ping) _loops.PingParked(settings.Clock.GetUtcNow(), park.Parameters.HeartbeatSeconds);
        var heartbeat = TimeSpan.FromSeconds(park.Parameters.HeartbeatSeconds);
        if (settings.Deadlines is { } wheel) _heartbeat = wheel.Schedule(new TellDeadline(Self, new PingHeartbeat(token)), heartbeat);
        else _heartbeatWithoutWheel = Context.System.Scheduler.ScheduleTellOnceCancelable(heartbeat, Self, new PingHeartbeat(token), Self);
        SuspendIdleTimeout();
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
        if (_parked?.RequestId != abandoned.RequestId) return;
        Unpark("aborted", unwatch: true);
    }

    /// <summary>A newer request of this device ends the parked one (the mailbox keeps its watcher a while for the next).</summary>
    private void Supersede()
    {
        if (_parked is not null) Answer(ExpiredAnswer(), "superseded", unwatch: true);
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
        _parked = null;
        _heartbeat?.Cancel();
        _heartbeatWithoutWheel?.Cancel();
        (_heartbeat, _heartbeatWithoutWheel) = (null, null);
        ResumeIdleTimeout();
        settings.Metrics?.Unparked(outcome);
        if (unwatch) StopWatching(parked.AccountId);
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

    private sealed record ParkedPing(IActorRef Reply, Guid RequestId, ImmutableDictionary<string, string> FolderIdsByName, long Token, string AccountId, DeviceRequest? Resume);

    private sealed record PingHeartbeat(long Token);
}
