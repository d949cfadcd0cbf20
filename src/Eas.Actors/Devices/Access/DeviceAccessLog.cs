using Microsoft.Extensions.Logging;

namespace Eas.Actors.Devices.Access;

/// <summary>Log lines of device access rules and quarantine (event ids 1760–1762, 4883–4884).</summary>
internal static partial class DeviceAccessLog
{
    [LoggerMessage(1760, LogLevel.Information, "Device {DeviceId} of {User} is now {Level} ({Source})")]
    public static partial void AccessChanged(ILogger logger, string user, string deviceId, DeviceAccessLevel level, DeviceAccessSource source);

    [LoggerMessage(1761, LogLevel.Information, "Quarantine notice for device {DeviceId} put in the Inbox of {User}")]
    public static partial void NoticeDelivered(ILogger logger, string user, string deviceId);

    [LoggerMessage(1762, LogLevel.Warning, "Quarantine notice for device {DeviceId} of {User} not delivered, tried again on its next request: {Reason}")]
    public static partial void NoticeFailed(ILogger logger, string user, string deviceId, string reason);

    [LoggerMessage(4883, LogLevel.Information, "Admins told that device {DeviceId} of {User} is quarantined ({Count} addresses)")]
    public static partial void AdminsNotified(ILogger logger, string user, string deviceId, int count);

    [LoggerMessage(4884, LogLevel.Warning, "Admin notice for quarantined device {DeviceId} of {User} not sent, tried again on its next request: {Reason}")]
    public static partial void AdminNoticeFailed(ILogger logger, string user, string deviceId, string reason);
}
