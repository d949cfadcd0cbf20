using System.Collections.Immutable;
using Eas.Wire.Commands.Ping;

namespace Eas.Actors.Devices;

/// <summary>The server's Ping limits (MS-ASCMD 2.2.1.13): heartbeat bounds in seconds and the most folders one Ping may watch.</summary>
public sealed record PingLimits(int MinHeartbeatSeconds = 60, int MaxHeartbeatSeconds = 3540, int MaxFolders = 300);

/// <summary>
/// The heartbeat and folders a Ping watches; kept so a Ping that leaves them out reuses them (MS-ASCMD 2.2.3.88.1).
/// Equal when the heartbeat and the folder ids in order are: a phone repeats the same parameters on every Ping, and
/// only a change is written to the device's journal (an <see cref="ImmutableArray{T}"/> alone compares its array's
/// reference, which made every Ping of a phone that names its folders a journal write).
/// </summary>
public sealed record PingParameters(int HeartbeatSeconds, ImmutableArray<string> FolderIds)
{
    public bool Equals(PingParameters? other) =>
        other is not null && HeartbeatSeconds == other.HeartbeatSeconds && FolderIds.AsSpan().SequenceEqual(other.FolderIds.AsSpan());

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(HeartbeatSeconds);
        foreach (var id in FolderIds.AsSpan()) hash.Add(id, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}

/// <summary>
/// The Ping request rules (MS-ASCMD 2.2.1.13, 2.2.3.177.11), pure: a Ping may leave out its heartbeat or
/// folders and reuse the last ones; without any it is Status 3; a heartbeat out of bounds is Status 5 with
/// the bound; more folders than allowed is Status 6 with the limit; otherwise it parks with these parameters.
/// </summary>
public static class PingRules
{
    public static (PingParameters? Parameters, PingResponse? Refusal) Decide(PingParameters? cached, PingRequest request, PingLimits limits)
    {
        var heartbeat = request.HeartbeatInterval ?? cached?.HeartbeatSeconds;
        var folders = request.Folders is { IsDefaultOrEmpty: false } asked ? asked.Select(f => f.Id).Distinct(StringComparer.Ordinal).ToImmutableArray() : cached?.FolderIds;
        if (heartbeat is null || folders is null || folders.Value.IsDefaultOrEmpty)
            return (null, new PingResponse(PingStatus.MissingParameters));
        if (heartbeat < limits.MinHeartbeatSeconds)
            return (null, new PingResponse(PingStatus.InvalidHeartbeatInterval) { HeartbeatInterval = limits.MinHeartbeatSeconds });
        if (heartbeat > limits.MaxHeartbeatSeconds)
            return (null, new PingResponse(PingStatus.InvalidHeartbeatInterval) { HeartbeatInterval = limits.MaxHeartbeatSeconds });
        if (folders.Value.Length > limits.MaxFolders)
            return (null, new PingResponse(PingStatus.TooManyFolders) { MaxFolders = limits.MaxFolders });
        return (new PingParameters(heartbeat.Value, folders.Value), null);
    }
}
