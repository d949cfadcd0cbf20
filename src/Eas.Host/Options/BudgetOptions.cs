namespace Eas.Host.Options;

/// <summary>
/// How many requests each device and each account may send (<see cref="Eas.Actors.Devices.RequestBudgetLimits"/>,
/// <see cref="Eas.Actors.Cluster.AccountBudgetLimits"/>), and how much work one command may ask for
/// (<see cref="Endpoints.CommandSizeGuard"/>). A device over a budget is answered 503 with Retry-After and
/// X-MS-ASThrottle; a command over a cap gets the status MS-ASCMD 3.1.5.10 names. Zero turns a budget or cap off.
/// </summary>
public sealed class BudgetOptions
{
    /// <summary>Requests a device may send at once after a quiet time.</summary>
    public int RequestBurst { get; set; } = 600;

    /// <summary>Requests a device may send per minute, sustained.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Pings a device may send at once after a quiet time.</summary>
    public int PingBurst { get; set; } = 60;

    /// <summary>Pings a device may send per minute, sustained.</summary>
    public int PingsPerMinute { get; set; } = 60;

    /// <summary>Requests of one device in flight at once; a parked Ping does not count (the next request ends it).</summary>
    public int MaxConcurrentPerDevice { get; set; } = 5;

    /// <summary>Requests all devices of one account may send at once after a quiet time.</summary>
    public int AccountRequestBurst { get; set; } = 1200;

    /// <summary>Requests all devices of one account may send per minute, sustained.</summary>
    public int AccountRequestsPerMinute { get; set; } = 1200;

    /// <summary>Uses of the same SyncKeys within a minute that flag a device as looping (admin views).</summary>
    public int LoopSyncKeyReplays { get; set; } = 10;

    /// <summary>Pings in a row, each within a tenth of the previous one's heartbeat, that flag a device as looping.</summary>
    public int LoopFastPings { get; set; } = 10;

    /// <summary>Client Add, Change, Delete and Fetch commands in one Sync request (MS-ASCMD 3.1.5.10: Status 4 above).</summary>
    public int MaxItemsPerSync { get; set; } = 2000;

    /// <summary>Fetch, EmptyFolderContents and Move operations in one ItemOperations request (MS-ASCMD 3.1.5.10: Status 11 above).</summary>
    public int MaxFetchesPerItemOperations { get; set; } = 500;
}
