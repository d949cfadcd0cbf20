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
        _parked = new ParkedPing(reply, park.FolderIdsByName, token, request.AccountId, park.Resume);
        settings.Metrics?.Parked();
        Context.Timers.StartSingle(HeartbeatTimer, new PingHeartbeat(token), TimeSpan.FromSeconds(park.Parameters.HeartbeatSeconds));
        reply.NotifyWhenAbandoned(Context.Self, new PingAbandoned(token));
        _collections?.Clear();
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

        var latency = Context.Clock.GetUtcNow() - changed.DetectedAt;
        settings.Metrics?.PushLatency(latency);
        DeviceLog.Pushed(Context.Logger, Context.EntityId!, latency.TotalMilliseconds);
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
                parked.Reply.Reply(new AccessRefused(refusal));
                return;
            }

            var decided = await SyncCommand.DecideAsync(resume with { Resumed = true, Features = access.Features }, settings, Collections, NewEpoch, Target, Context.Clock.GetUtcNow());
            settings.Metrics?.PushLatency(Context.Clock.GetUtcNow() - detectedAt);
            parked.Reply.Reply(decided.Outcome);
        }
        catch (Exception e)
        {
            _collections?.Clear();
            parked.Reply.Fail(e);
            if (e is not (Persistence.StoreUnavailableException or Mail.Imap.ImapException or AskTimeoutException or ActorStoppedException)) throw;
        }
    }

    private void OnHeartbeat(PingHeartbeat heartbeat)
    {
        if (_parked?.Token == heartbeat.Token) Answer(ExpiredAnswer(), "timeout", unwatch: true);
    }

    private void OnAbandoned(PingAbandoned abandoned)
    {
        if (_parked?.Token != abandoned.Token) return;
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
        reply.Reply(answer);
    }

    private void Unpark(string outcome, bool unwatch)
    {
        var parked = _parked!;
        _parked = null;
        Context.Timers.Cancel(HeartbeatTimer);
        settings.Metrics?.Unparked(outcome);
        if (unwatch) settings.Mailboxes?.Tell(parked.AccountId, new UnwatchFolders(Context.EntityId!));
    }

    private sealed record ParkedPing(ReplyTo<CommandOutcome> Reply, ImmutableDictionary<string, string> FolderIdsByName, long Token, string AccountId, DeviceRequest? Resume);

    private sealed record PingHeartbeat(long Token);

    private sealed record PingAbandoned(long Token);
}
