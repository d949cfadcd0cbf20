namespace Eas.Host.Diagnostics.Live;

/// <summary>
/// <c>GET /admin/api/stats</c>: what the server is doing now. Counters are cumulative since the process
/// started (a reader takes two snapshots and divides the differences by the time between them, as
/// <c>eas-server top</c> does); gauges (<c>inFlight</c>, parked Pings, sessions, memory) are as of
/// <see cref="At"/>; the busiest lists cover the last one to two minutes.
/// </summary>
/// <param name="At">When the snapshot was taken.</param>
/// <param name="UptimeSeconds">Since the process started; a smaller value than before means the server restarted.</param>
/// <param name="Commands">Per command seen since start; <c>unknown</c> holds requests refused before their command was known.</param>
/// <param name="Push">Parked Pings and IMAP watchers.</param>
/// <param name="Actors">Entities alive in memory.</param>
/// <param name="Process">CPU, memory and threads of the server process.</param>
/// <param name="BusiestDevices">The devices with the most requests lately.</param>
/// <param name="BusiestAccounts">The accounts with the most requests lately.</param>
/// <param name="Looping">Devices this node flagged as looping in the last ten minutes, latest first (null from an older server).</param>
public sealed record StatsSnapshot(
    DateTimeOffset At,
    double UptimeSeconds,
    IReadOnlyList<CommandStats> Commands,
    PushStats Push,
    ActorStats Actors,
    ProcessStats Process,
    BusiestList<BusyDevice> BusiestDevices,
    BusiestList<BusyAccount> BusiestAccounts,
    IReadOnlyList<LoopingDevice>? Looping = null);

/// <summary>One command since start.</summary>
/// <param name="Command">The command's wire name (<c>Sync</c>), or <c>unknown</c>.</param>
/// <param name="Requests">Requests answered.</param>
/// <param name="Errors">Answers with HTTP 5xx.</param>
/// <param name="InFlight">Requests of the command running now, parked Pings and Syncs included.</param>
/// <param name="TotalMs">Summed duration, for means over an interval.</param>
/// <param name="MaxMs">The longest request since start.</param>
/// <param name="RecentMaxMs">The longest request of the current and the previous minute.</param>
public sealed record CommandStats(string Command, long Requests, long Errors, long InFlight, double TotalMs, double MaxMs, double RecentMaxMs);

/// <summary>
/// Push: Pings parked now, IMAP watcher sessions open now, watcher reconnects since start, and pushes measured since
/// start with their summed latency (watcher saw the change → reply handed to HTTP), for a mean between two readings.
/// </summary>
public sealed record PushStats(long ParkedPings, long WatcherSessions, long WatcherReconnects, long Pushes = 0, double PushMillisecondsTotal = 0);

/// <summary>Actor entities alive in memory now.</summary>
/// <param name="Devices">Device actors alive on this node.</param>
/// <param name="Mailboxes">Mailbox actors alive on this node.</param>
/// <param name="Accounts">Account entities alive on this node.</param>
/// <param name="Shards">Account shards this node hosts.</param>
/// <param name="MembersUp">Cluster members this node sees up.</param>
/// <param name="Unreachable">Cluster members this node finds unreachable.</param>
/// <param name="SingletonsHere">Whether the license and directory singletons run on this node.</param>
public sealed record ActorStats(int Devices, int Mailboxes, int Accounts = 0, int Shards = 0, int MembersUp = 0, int Unreachable = 0, bool SingletonsHere = false);

/// <summary>The server process.</summary>
/// <param name="CpuSeconds">User and system CPU time since start.</param>
/// <param name="WorkingSetBytes">Physical memory the process uses now.</param>
/// <param name="GcHeapBytes">Managed heap in use now.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap since start.</param>
/// <param name="Threads">Operating-system threads of the process.</param>
/// <param name="ThreadPoolThreads">Thread-pool threads now.</param>
/// <param name="ThreadPoolQueue">Work items waiting for a thread-pool thread.</param>
/// <param name="ProcessorCount">Processors the process may use, to put CPU time in proportion.</param>
public sealed record ProcessStats(
    double CpuSeconds, long WorkingSetBytes, long GcHeapBytes, long AllocatedBytes, int Threads, int ThreadPoolThreads, long ThreadPoolQueue, int ProcessorCount);

/// <summary>A busiest list.</summary>
/// <param name="WindowSeconds">The time its counts cover: 60 to 120 s once the server has run a minute.</param>
/// <param name="Tracked">Keys the server's table holds now; at its capacity (<see cref="LiveStats.BusiestCapacity"/>) counts become upper bounds.</param>
/// <param name="Entries">The busiest, busiest first.</param>
public sealed record BusiestList<T>(double WindowSeconds, int Tracked, IReadOnlyList<T> Entries);

/// <summary>A device among the busiest; counts are approximate (see <see cref="BusiestTable{TKey}"/>).</summary>
public sealed record BusyDevice(string Account, string DeviceId, long Requests, long Errors);

/// <summary>An account among the busiest, with every device's requests and refused sign-ins under its name.</summary>
public sealed record BusyAccount(string Account, long Requests, long Errors);
