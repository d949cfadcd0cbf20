namespace Eas.Host.Options;

/// <summary>Push (MS-ASCMD 2.2.1.13 Ping): heartbeat bounds, folder limit, and how the account watchers renew IDLE.</summary>
public sealed class PingOptions
{
    /// <summary>The shortest heartbeat accepted; shorter is Status 5 with this value.</summary>
    public int MinHeartbeatSeconds { get; set; } = 60;

    /// <summary>The longest heartbeat accepted; longer is Status 5 with this value.</summary>
    public int MaxHeartbeatSeconds { get; set; } = 3540;

    /// <summary>The most folders one Ping may watch; more is Status 6 with this value.</summary>
    public int MaxFolders { get; set; } = 300;

    /// <summary>
    /// How long a device stays in memory after its account entity took over its parked Ping (MS-ASCMD 2.2.1.13), instead
    /// of the whole heartbeat; 0 keeps every parked Ping in its device. 30 s: the Sync a push starts comes within a
    /// second or two, so a change in a Ping's first half minute finds its device in memory; after that the device's
    /// state costs nothing while it waits, and a push or heartbeat reads it back from its snapshot once (milliseconds).
    /// </summary>
    public int ParkedDeviceIdleSeconds { get; set; } = 30;

    /// <summary>How long one IDLE lasts before the watcher renews it (under 10 minutes keeps NAT and servers happy).</summary>
    public int WatchWindowSeconds { get; set; } = 240;
}
