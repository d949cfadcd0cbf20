using System.Diagnostics;
using Eas.Load.Eas;
using Eas.Wire.CodePages;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Load.Push;

/// <summary>
/// A phone that keeps a Ping parked on its inbox, as phones with push do (MS-ASCMD 2.2.1.13): set up once
/// (Provision, FolderSync, Sync of the inbox from key 0 to the end, so nothing is pending), then Ping; on
/// Status 1 (heartbeat over) Ping again; on Status 2 (changes) tell the ledger, Sync the inbox to the end, tell the
/// ledger which deliveries the Sync brought, and Ping again. A failure is counted, and after a pause of <see cref="ErrorPause"/> the phone Pings again. A refusal
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

    private readonly EasSession _session;
    private readonly TimeSpan _pingTimeout;
    private readonly int _heartbeatSeconds;
    private readonly PushCounters _counters;
    private readonly PushLedger _ledger;
    private string _inbox = "";
    private string _key = "";
    private bool _held;

    /// <param name="index">The device's number in the run; its account is <c>index mod accounts</c>.</param>
    /// <param name="client">The phone's HTTP side; its <see cref="EasClient.RequestTimeout"/> bounds every command but Ping.</param>
    /// <param name="heartbeatSeconds">The HeartbeatInterval each Ping asks for; the answer may take that long plus <paramref name="pingGrace"/>.</param>
    public PushDevice(int index, EasClient client, int heartbeatSeconds, TimeSpan pingGrace, PushCounters counters, PushLedger ledger)
    {
        Index = index;
        _session = new EasSession(client, counters.Error);
        _heartbeatSeconds = heartbeatSeconds;
        _pingTimeout = TimeSpan.FromSeconds(heartbeatSeconds) + pingGrace;
        _counters = counters;
        _ledger = ledger;
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
        for (var round = 0; round < MaxRounds && !token.IsCancellationRequested; round++)
        {
            var failed = false;
            try
            {
                await PingOnceAsync(first: round == 0, token);
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
                _counters.Error(e.Message);
                failed = true;
            }

            if (!failed) continue;
            try
            {
                await Task.Delay(ErrorPause, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
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
        if (!reply.IsOk) throw new EasCallException($"Ping: HTTP {(int)reply.Status}");
        var status = reply.Body?.ValueOf(PingPage.Status) ?? throw new EasCallException("Ping: no Status in the answer");
        _held = true;
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
