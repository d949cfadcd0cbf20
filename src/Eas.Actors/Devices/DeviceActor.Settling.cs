using Akka.Actor;
using Eas.Actors.Cluster;

namespace Eas.Actors.Devices;

/// <summary>
/// What wraps every request of the device: its loop watch (<see cref="LoopDetector"/>) as it arrives, and the
/// <see cref="RequestSettled"/> the account entity counts the device's requests in flight by, once it is
/// answered or parked (<see cref="AccountBudget"/>).
/// </summary>
public sealed partial class DeviceActor
{
    /// <summary>How often a device that keeps looping is logged and reported again.</summary>
    private static readonly TimeSpan LoopReportInterval = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _loopReported;

    private async Task ExecuteSettlingAsync(ExecuteDeviceCommand command)
    {
        var request = command.Request;
        var now = settings.Clock.GetUtcNow();
        if (_loops.Observe(request.Line.Command, request.Body, now) is { } loop) ReportLoop(request.AccountId, request.Line.DeviceId, loop);
        try
        {
            await ExecuteAsync(command);
        }
        finally
        {
            Context.Parent.Tell(RequestSettled.Instance);
        }
    }

    private void ReportLoop(string accountId, string deviceId, LoopReport loop)
    {
        if (_loopReported is { } last && loop.At - last < LoopReportInterval) return;
        _loopReported = loop.At;
        DeviceLog.Looping(settings.Logger, accountId, deviceId, loop.Reason);
        settings.Looping?.Flagged(accountId, deviceId, loop);
    }
}

/// <summary>Where device actors report a device that loops, for the operator's live view of this node.</summary>
public interface ILoopingDevices
{
    /// <summary>The device <paramref name="deviceId"/> of <paramref name="accountId"/> loops.</summary>
    void Flagged(string accountId, string deviceId, LoopReport report);
}
