using System.Collections.Immutable;
using Eas.Actors.Kernel;
using Eas.Actors.Mailboxes;
using Eas.Wire.Commands.Ping;

namespace Eas.Actors.Devices;

/// <summary>
/// A parked Ping (MS-ASCMD 2.2.1.13) is state, not a waiting task: the reply handle, its heartbeat timer and
/// the folders' names. It ends with Status 2 when the mailbox tells of a change in a watched folder, with
/// Status 1 when the heartbeat passes, when a newer Ping or any other command of this device arrives, and at
/// shutdown (so the phone reconnects at once); a phone that hangs up just drops it. At most one per device.
/// </summary>
public sealed partial class DeviceActor
{
    private const string HeartbeatTimer = "ping-heartbeat";
    private ParkedPing? _parked;
    private long _pingToken;

    protected internal override bool CanPassivate => _parked is null;

    private void Park(ReplyTo<CommandOutcome> reply, ParkPing park, DeviceRequest request)
    {
        var token = ++_pingToken;
        _parked = new ParkedPing(reply, park.FolderIdsByName, token, request.AccountId);
        settings.Metrics?.Parked();
        Context.Timers.StartSingle(HeartbeatTimer, new PingHeartbeat(token), TimeSpan.FromSeconds(park.Parameters.HeartbeatSeconds));
        reply.NotifyWhenAbandoned(Context.Self, new PingAbandoned(token));
        settings.Mailboxes?.Tell(request.AccountId, new WatchFolders(Context.EntityId!, Context.Self, request.Credentials!, [.. park.FolderIdsByName.Keys], park.Stamps));
    }

    private void OnFoldersChanged(FoldersChanged changed)
    {
        if (_parked is not { } parked) return;
        var ids = changed.FolderNames.Select(name => parked.FolderIdsByName.GetValueOrDefault(name)).OfType<string>().Distinct().ToImmutableArray();
        if (ids.IsEmpty) return;
        settings.Metrics?.PushLatency(Context.Clock.GetUtcNow() - changed.DetectedAt);
        Answer(new PingResponse(PingStatus.ChangesFound) { Folders = ids }, "changed", unwatch: true);
    }

    private void OnHeartbeat(PingHeartbeat heartbeat)
    {
        if (_parked?.Token == heartbeat.Token) Answer(new PingResponse(PingStatus.Expired), "timeout", unwatch: true);
    }

    private void OnAbandoned(PingAbandoned abandoned)
    {
        if (_parked?.Token != abandoned.Token) return;
        Unpark("aborted", unwatch: true);
    }

    /// <summary>A newer request of this device ends the parked Ping; the watch stays when the newer one is a Ping too.</summary>
    private void Supersede(bool newerIsPing)
    {
        if (_parked is not null) Answer(new PingResponse(PingStatus.Expired), "superseded", unwatch: !newerIsPing);
    }

    private void Answer(PingResponse response, string outcome, bool unwatch)
    {
        var reply = _parked!.Reply;
        Unpark(outcome, unwatch);
        reply.Reply(new RespondWith(response));
    }

    private void Unpark(string outcome, bool unwatch)
    {
        var parked = _parked!;
        _parked = null;
        Context.Timers.Cancel(HeartbeatTimer);
        settings.Metrics?.Unparked(outcome);
        if (unwatch) settings.Mailboxes?.Tell(parked.AccountId, new UnwatchFolders(Context.EntityId!));
    }

    private sealed record ParkedPing(ReplyTo<CommandOutcome> Reply, ImmutableDictionary<string, string> FolderIdsByName, long Token, string AccountId);

    private sealed record PingHeartbeat(long Token);

    private sealed record PingAbandoned(long Token);
}
