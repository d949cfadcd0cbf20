using System.Diagnostics;
using Eas.Load.Eas;
using Eas.Wire.CodePages;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Load.Push;

/// <summary>
/// A phone that keeps a Ping parked on its inbox, as phones with push do (MS-ASCMD 2.2.1.13): set up once
/// (Provision, FolderSync, Sync of the inbox from key 0 to the end, so nothing is pending), then Ping; on
/// Status 1 (heartbeat over) Ping again; on Status 2 (changes) tell the ledger, Sync the inbox to the end, tell the
/// ledger which deliveries the Sync brought, and Ping again. A failure is counted, and after a pause (<see cref="ErrorPause"/>,
/// doubled after each failure in a row up to <see cref="MaxErrorPause"/>) the phone syncs its inbox with the SyncKey it
/// holds (from key 0 again when the server forced a resync) and Pings again, as a phone does after its connection
/// dropped; with a <see cref="FailoverWatch"/> it reports each failure and the first answer after it, and a transient
/// failure between the kill and the end of failover is counted as failed at the kill, not as an error. A refusal
/// over the server's connection cap (<see cref="EasRefusedException"/>) is no failure: the phone is counted as refused,
/// owed no pushes, and stops, as a phone waits out the Retry-After. The loop ends when its token is cancelled, after
/// <see cref="MaxRounds"/> Pings, or at a refusal.
/// </summary>
internal sealed class PushDevice
{
    public const int MaxRounds = 100_000;
    private const int MaxSyncWindows = 1_000;
    private const int SyncWindowSize = 100;
    private const int SyncTruncation = 512;
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxErrorPause = TimeSpan.FromSeconds(8);

    private readonly EasSession _session;
    private readonly TimeSpan _pingTimeout;
    private readonly int _heartbeatSeconds;
    private readonly PushCounters _counters;
    private readonly PushLedger _ledger;
    private readonly FailoverWatch? _failover;
    private string _inbox = "";
    private string _key = "";
    private bool _held;
    private bool _syncFirst;
    private bool _startOver;

    /// <param name="index">The device's number in the run; its account is <c>index mod accounts</c>.</param>
    /// <param name="client">The phone's HTTP side; its <see cref="EasClient.RequestTimeout"/> bounds every command but Ping.</param>
    /// <param name="heartbeatSeconds">The HeartbeatInterval each Ping asks for; the answer may take that long plus <paramref name="pingGrace"/>.</param>
    /// <param name="failover">Told of every failure and answer when the run kills a node; null otherwise.</param>
    public PushDevice(int index, EasClient client, int heartbeatSeconds, TimeSpan pingGrace, PushCounters counters, PushLedger ledger, FailoverWatch? failover = null)
    {
        Index = index;
        _session = new EasSession(client, problem => Count(problem, transient: true, Stopwatch.GetTimestamp()));
        _heartbeatSeconds = heartbeatSeconds;
        _pingTimeout = TimeSpan.FromSeconds(heartbeatSeconds) + pingGrace;
        _counters = counters;
        _ledger = ledger;
        _failover = failover;
    }

    public int Index { get; }

    /// <summary>Provision, FolderSync and a full Sync of the inbox; false (counted) when a step failed for good.</summary>
    public async Task<bool> SetUpAsync(CancellationToken token)
    {
        try
        {
            await _session.ProvisionAsync(token);
            _inbox = await _session.FindInboxAsync(token);
            _key = await _session.StartSyncAsync(_inbox, token);
            await SyncToEndAsync(token);
            _counters.DeviceSetUp();
            return true;
        }
        catch (EasRefusedException)
        {
            _counters.RefusedWhileSettingUp();
            _ledger.Retire(Index);
            return false;
        }
        catch (EasCallException e)
        {
            _counters.Error(e.Message);
            _counters.DeviceFailed();
            return false;
        }
    }

    /// <summary>Keeps a Ping parked until <paramref name="token"/> is cancelled (the run's end or its deadline).</summary>
    public async Task HoldAsync(CancellationToken token)
    {
        var failures = 0;
        for (var round = 0; round < MaxRounds && !token.IsCancellationRequested; round++)
        {
            var failed = false;
            try
            {
                if (_syncFirst) await SyncAgainAsync(token);
                await PingOnceAsync(first: round == 0, token);
                failures = 0;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (EasRefusedException)
            {
                _counters.RefusedAtPing(hadParked: _held);
                _ledger.Retire(Index);
                return;
            }
            catch (EasCallException e)
            {
                var at = Stopwatch.GetTimestamp();
                Count(e.Message, e.Transient, at);
                _failover?.Failed(Index, at);
                if (e is EasStatusException { ForcesResync: true })
                {
                    _failover?.ForcedResync(at);
                    _startOver = true;
                }

                failed = true;
                _syncFirst = true;
                failures++;
            }

            if (!failed) continue;
            try
            {
                await Task.Delay(Backoff(failures), token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A failed request: failed at the kill when the failover's window says so, else an error.</summary>
    private void Count(string problem, bool transient, long at)
    {
        _ledger.Failed(Index, at);
        if (_failover?.AtTheKill(at, transient) == true) _counters.FailedAtTheKill(problem);
        else _counters.Error(problem);
    }

    /// <summary>The pause after <paramref name="failures"/> failures in a row: <see cref="ErrorPause"/> doubled each time, at most <see cref="MaxErrorPause"/>.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxErrorPause.Ticks, ErrorPause.Ticks << Math.Clamp(failures - 1, 0, 16)));

    /// <summary>After a failure: the inbox synced to the end with the key held (or from key 0 when the server forced it), then the phone counts as answered again.</summary>
    private async Task SyncAgainAsync(CancellationToken token)
    {
        if (_startOver) _key = await _session.StartSyncAsync(_inbox, token);
        _startOver = false;
        var syncStartedAt = Stopwatch.GetTimestamp();
        var (items, deliveries) = await SyncToEndAsync(token);
        _failover?.Answered(Index, Stopwatch.GetTimestamp());
        _counters.Synced(items);
        _ledger.Synced(Index, syncStartedAt, deliveries);
        _syncFirst = false;
    }

    private async Task PingOnceAsync(bool first, CancellationToken token)
    {
        _counters.PingSent(first);
        _ledger.PingSent(Index, Stopwatch.GetTimestamp());
        EasReply reply;
        try
        {
            reply = await _session.Client.PostAsync("Ping", EasBodies.Ping(_inbox, _heartbeatSeconds), _pingTimeout, token);
        }
        finally
        {
            _counters.PingEnded();
        }

        var answeredAt = Stopwatch.GetTimestamp();
        if (reply.OverCap) throw new EasRefusedException("Ping");
        if (!reply.IsOk) throw new EasCallException($"Ping: HTTP {(int)reply.Status}", reply.IsTransient);
        var status = reply.Body?.ValueOf(PingPage.Status) ?? throw new EasCallException("Ping: no Status in the answer");
        _held = true;
        if (status is "1" or "2") _failover?.Answered(Index, answeredAt);
        switch (status)
        {
            case "1":
                _counters.HeartbeatExpired();
                break;
            case "2":
                _counters.ChangesFound();
                _ledger.Pushed(Index, answeredAt);
                var syncStartedAt = Stopwatch.GetTimestamp();
                var (items, deliveries) = await SyncToEndAsync(token);
                _counters.Synced(items);
                _ledger.Synced(Index, syncStartedAt, deliveries);
                break;
            default:
                throw new EasCallException($"Ping: status {status}");
        }
    }

    /// <summary>Syncs the inbox from the current key until the server has nothing more; returns the items added and the bench deliveries among them.</summary>
    private async Task<(int Items, List<int> Deliveries)> SyncToEndAsync(CancellationToken token)
    {
        var items = 0;
        List<int> deliveries = [];
        for (var window = 0; window < MaxSyncWindows; window++)
        {
            if (await _session.NextWindowAsync(_inbox, _key, SyncWindowSize, SyncTruncation, token) is not { } collection) break;
            _key = collection.ValueOf(AirSync.SyncKey) ?? throw new EasCallException("Sync: the collection has no SyncKey");
            foreach (var add in collection.Element(AirSync.Commands)?.Elements(AirSync.Add) ?? [])
            {
                items++;
                if (DeliveryMark.NumberIn(add.Element(AirSync.ApplicationData)?.ValueOf(Email.Subject)) is { } number) deliveries.Add(number);
            }

            if (collection.Element(AirSync.MoreAvailable) is null) break;
        }

        return (items, deliveries);
    }
}
