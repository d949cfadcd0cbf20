using Microsoft.Extensions.Logging;

namespace Eas.Actors.Devices;

/// <summary>The log messages of <see cref="DeviceRegion"/>, with stable event ids (5850-5899).</summary>
internal static partial class DeviceRegionLog
{
    [LoggerMessage(5850, LogLevel.Warning, "Member {Node} was removed with {Shards} account shards: {Pings} Pings sent to them answered Status 1, {Others} other requests answered 503")]
    public static partial void AsksEnded(ILogger logger, string node, int shards, int pings, int others);
}
