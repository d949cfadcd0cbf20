using Microsoft.Extensions.Logging;

namespace Eas.Actors.Cluster;

/// <summary>The account entity's log messages, with stable event ids (5700–5749).</summary>
internal static partial class EntityLog
{
    [LoggerMessage(5700, LogLevel.Debug, "The account entity holds the parked Ping of {DeviceId} (heartbeat {HeartbeatSeconds} s); the device may passivate")]
    public static partial void PingHeld(ILogger logger, string deviceId, int heartbeatSeconds);

    [LoggerMessage(5701, LogLevel.Debug, "The parked Ping of {DeviceId} held by its account entity ended: {Outcome}")]
    public static partial void PingEnded(ILogger logger, string deviceId, string outcome);
}
