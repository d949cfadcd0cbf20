using Microsoft.Extensions.Logging;

namespace Eas.Actors.Devices;

/// <summary>The device actor's log messages, with stable event ids (6000-6009: admin orders and parked requests).</summary>
internal static partial class DeviceLog
{
    [LoggerMessage(1201, LogLevel.Debug, "Push to {DeviceId}: watcher saw the change {LatencyMs:F1} ms before the reply")]
    public static partial void Pushed(ILogger logger, string deviceId, double latencyMs);

    [LoggerMessage(1202, LogLevel.Warning, "Device {DeviceId} of {User} is looping: {Reason}")]
    public static partial void Looping(ILogger logger, string user, string deviceId, string reason);

    [LoggerMessage(1203, LogLevel.Warning, "Device {DeviceId} of {User} changed its User-Agent {Changes} times within {WindowHours} h; refused until {Until:u}")]
    public static partial void UserAgentBlocked(ILogger logger, string user, string deviceId, int changes, double windowHours, DateTimeOffset until);

    [LoggerMessage(6000, LogLevel.Information, "An admin order ({Order}) ended the parked request of {DeviceId}: answered at once so the phone's next request meets the device's new state")]
    public static partial void ParkedEndedByOrder(ILogger logger, string deviceId, string order);
}
