using System.Collections.Concurrent;

namespace Eas.Load.Push;

/// <summary>
/// What the simulated phones of a push bench report as they go, counted from many tasks at once: requests sent,
/// devices set up or failed, Pings parked now, Status 1 re-parks, Status 2 answers, items synced after a push, and
/// errors, told apart by the phase they happened in (setting up, holding). Errors after the hold has ended
/// (while everything is being stopped) are not counted. The first few distinct messages are kept. A device the
/// server refused over its connection cap (503 with Retry-After) is not an error: it is counted as refused, by when
/// (a setup request, its first Ping, or a later Ping of a device that had parked). With a node killed, a transient
/// failure between the kill and the end of failover (<see cref="FailoverWatch.AtTheKill"/>) is counted apart, as failed
/// at the kill, with its own kept messages: the phone retries it as phones do, and it is the failover's to answer.
/// </summary>
internal sealed class PushCounters
{
    private const int KeptMessages = 8;

    private readonly ConcurrentDictionary<string, int> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _killMessages = new(StringComparer.Ordinal);
    private long _requests;
    private int _setUp;
    private int _setupFailed;
    private int _parked;
    private int _firstParked;
    private int _expired;
    private int _changes;
    private int _syncedItems;
    private int _setupErrors;
    private int _holdErrors;
    private int _failedAtKill;
    private int _refusedInSetup;
    private int _refusedAtFirstPing;
    private int _refusedAfterParking;
    private volatile PushPhase _phase = PushPhase.SettingUp;

    public PushPhase Phase
    {
        get => _phase;
        set => _phase = value;
    }

    /// <summary>Requests the phones have sent (retries included); each is one ask of the server's edge (docs/ARCHITECTURE.md).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public int SetUp => Volatile.Read(ref _setUp);

    public int SetupFailed => Volatile.Read(ref _setupFailed);

    /// <summary>Pings sent and not answered yet.</summary>
    public int Parked => Volatile.Read(ref _parked);

    /// <summary>Devices that have sent their first Ping.</summary>
    public int FirstParked => Volatile.Read(ref _firstParked);

    /// <summary>Ping Status 1 answers (heartbeat over), each followed by a new Ping.</summary>
    public int Expired => Volatile.Read(ref _expired);

    /// <summary>Ping Status 2 answers (changes found).</summary>
    public int Changes => Volatile.Read(ref _changes);

    public int SyncedItems => Volatile.Read(ref _syncedItems);

    public int SetupErrors => Volatile.Read(ref _setupErrors);

    public int HoldErrors => Volatile.Read(ref _holdErrors);

    /// <summary>Requests that failed at the kill (dead node, timeout, 5xx while shards moved) and were retried; not errors.</summary>
    public int FailedAtKill => Volatile.Read(ref _failedAtKill);

    /// <summary>Devices refused over the cap on a setup request (Provision, FolderSync, Sync).</summary>
    public int RefusedInSetup => Volatile.Read(ref _refusedInSetup);

    /// <summary>Devices set up whose first Ping was refused over the cap: they never parked.</summary>
    public int RefusedAtFirstPing => Volatile.Read(ref _refusedAtFirstPing);

    /// <summary>Devices refused on a later Ping, after one of theirs had been held: a parked device lost its place.</summary>
    public int RefusedAfterParking => Volatile.Read(ref _refusedAfterParking);

    /// <summary>Devices refused over the cap before they ever parked.</summary>
    public int Refused => RefusedInSetup + RefusedAtFirstPing;

    /// <summary>Devices that should have a Ping parked now: set up, and not refused since.</summary>
    public int Parkable => SetUp - RefusedAtFirstPing - RefusedAfterParking;

    /// <summary>Up to <see cref="KeptMessages"/> distinct error messages with how often each came.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Messages => [.. _messages.OrderByDescending(pair => pair.Value)];

    /// <summary>Up to <see cref="KeptMessages"/> distinct messages of the failures at the kill with how often each came.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> KillMessages => [.. _killMessages.OrderByDescending(pair => pair.Value)];

    public void RequestSent() => Interlocked.Increment(ref _requests);

    public void DeviceSetUp() => Interlocked.Increment(ref _setUp);

    public void DeviceFailed() => Interlocked.Increment(ref _setupFailed);

    public void RefusedWhileSettingUp() => Interlocked.Increment(ref _refusedInSetup);

    public void RefusedAtPing(bool hadParked) => Interlocked.Increment(ref hadParked ? ref _refusedAfterParking : ref _refusedAtFirstPing);

    public void PingSent(bool first)
    {
        Interlocked.Increment(ref _parked);
        if (first) Interlocked.Increment(ref _firstParked);
    }

    public void PingEnded() => Interlocked.Decrement(ref _parked);

    public void HeartbeatExpired() => Interlocked.Increment(ref _expired);

    public void ChangesFound() => Interlocked.Increment(ref _changes);

    public void Synced(int items) => Interlocked.Add(ref _syncedItems, items);

    public void Error(string message)
    {
        switch (_phase)
        {
            case PushPhase.SettingUp:
                Interlocked.Increment(ref _setupErrors);
                break;
            case PushPhase.Holding:
                Interlocked.Increment(ref _holdErrors);
                break;
            default:
                return;
        }

        Keep(_messages, message);
    }

    /// <summary>A request failed at the kill (<see cref="FailoverWatch.AtTheKill"/>); the phone retries it.</summary>
    public void FailedAtTheKill(string message)
    {
        Interlocked.Increment(ref _failedAtKill);
        Keep(_killMessages, message);
    }

    private static void Keep(ConcurrentDictionary<string, int> messages, string message)
    {
        if (messages.Count < KeptMessages || messages.ContainsKey(message)) messages.AddOrUpdate(message, 1, (_, count) => count + 1);
    }
}

/// <summary>Where a push bench is: setting devices up, holding their Pings, or stopping.</summary>
internal enum PushPhase
{
    SettingUp,
    Holding,
    Stopping,
}
