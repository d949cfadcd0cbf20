using Microsoft.Extensions.Logging;

namespace Eas.Actors.Cluster;

/// <summary>The account entity's log messages, with stable event ids (5700–5749 held Pings, 5800–5849 letters handed on, 5900–5949 hand-overs lost and answered, 6001–6009 shard hand-offs).</summary>
internal static partial class EntityLog
{
    [LoggerMessage(5700, LogLevel.Debug, "The account entity holds the parked Ping of {DeviceId} (heartbeat {HeartbeatSeconds} s); the device may passivate")]
    public static partial void PingHeld(ILogger logger, string deviceId, int heartbeatSeconds);

    [LoggerMessage(5701, LogLevel.Debug, "The parked Ping of {DeviceId} held by its account entity ended: {Outcome}")]
    public static partial void PingEnded(ILogger logger, string deviceId, string outcome);

    [LoggerMessage(5800, LogLevel.Information, "{Message} for {Child} of {User} was still in its mailbox when its journal failed; handed to its next incarnation")]
    public static partial void HandedOn(ILogger logger, string user, string child, string message);

    [LoggerMessage(5801, LogLevel.Warning, "{Message} for {Child} of {User} met a failing journal {Times} times in a row; its asker is answered with a retriable failure")]
    public static partial void GaveUp(ILogger logger, string user, string child, string message, int times);

    [LoggerMessage(5900, LogLevel.Information, "The parked Ping of {DeviceId} was lost in a hand-over ({Lost}): answered Status 1 so the phone reconnects at once")]
    public static partial void PingLost(ILogger logger, string deviceId, string lost);

    [LoggerMessage(6001, LogLevel.Debug, "The account entity of {User} is handed off to another node: {Children} children stop after their turn, {Pings} held Pings answered Status 1")]
    public static partial void HandingOff(ILogger logger, string user, int children, int pings);

    [LoggerMessage(6002, LogLevel.Debug, "{Message} for {Child} of {User} reached it during its hand-off; sent on to the account's new home")]
    public static partial void SentOn(ILogger logger, string user, string child, string message);

    [LoggerMessage(5901, LogLevel.Warning, "The letters {Child} of {User} left when its journal failed were not all back within {Seconds} s; its next incarnation starts without waiting for them")]
    public static partial void LettersLate(ILogger logger, string user, string child, double seconds);
}
