using Akka.Actor;
using Eas.Actors.Devices;
using Eas.Wire.Commands.Ping;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Cluster;

/// <summary>
/// The fallback for a parked Ping lost between an account entity and its device: a <see cref="HoldPing"/> that reached
/// an entity already stopping (hand-off, passivation, node shutdown), or a <see cref="ReturnHeldPing"/> still unread in
/// a device's mailbox when the device or its entity stopped. Both come to dead letters, where the node's
/// <see cref="ChildLetterReturner"/> finds them. The Ping is answered Status 1 (MS-ASCMD 2.2.3.177.11: the heartbeat
/// passed without changes), so the phone sends its next Ping at once, which reaches the account wherever it lives now,
/// instead of waiting for its heartbeat (up to an hour) or its own time-out.
/// </summary>
internal static class LostHeldPing
{
    /// <summary>The parked Ping <paramref name="letter"/> carries, possibly handed on or returned; null when it carries none.</summary>
    public static HoldPing? Of(object letter) => letter switch
    {
        HoldPing hold => hold,
        ReturnHeldPing { Ping: { } ping } => ping,
        HandedOn on => Of(on.Message),
        ReturnedLetter returned => Of(returned.Message),
        _ => null,
    };

    /// <summary>
    /// Answers the lost Ping Status 1; <paramref name="lost"/> says where it was lost, for the log. It counted as parked
    /// (<see cref="Diagnostics.PushMetrics"/>) since its device parked it, and ends here with the outcome <c>lost</c>.
    /// </summary>
    public static void Answer(HoldPing ping, ILogger logger, Diagnostics.PushMetrics? metrics, string lost)
    {
        metrics?.Unparked("lost");
        EntityLog.PingLost(logger, ping.DeviceKey, lost);
        ping.Reply.Tell(new RespondWith(new PingResponse(PingStatus.Expired)));
    }
}
