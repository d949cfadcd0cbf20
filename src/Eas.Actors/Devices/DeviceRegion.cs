using Akka.Actor;
using Eas.Actors.Cluster;

namespace Eas.Actors.Devices;

/// <summary>The devices of every account, reached through the account shard region from any node.</summary>
/// <param name="accounts">The account shard region.</param>
/// <param name="deadlines">
/// The node's timer for the deadline of each request's ask; null gives each ask Akka's own timer (and a cancellation
/// source with it), as in tests of the request path alone.
/// </param>
public sealed class DeviceRegion(IActorRef accounts, Timing.DeadlineWheel? deadlines = null)
{
    /// <summary>
    /// The one ask of a request: run the command on its device, within <paramref name="deadline"/>. When
    /// <paramref name="cancellationToken"/> fires (the phone hung up) the device is told, so a parked request
    /// is dropped at once rather than at its heartbeat.
    /// </summary>
    /// <remarks>
    /// The device is told once the ask has ended cancelled, not from a registration on the token: the ask's own
    /// registration runs first and ends the ask, and disposing a second registration as the method returns could
    /// remove it before it ran, so the device would keep the parked request until its heartbeat.
    /// With the node's <see cref="Timing.DeadlineWheel"/> the ask itself has no timeout: its deadline is an
    /// <see cref="Timing.AskDeadline"/> on the wheel, which ends it with the same <see cref="AskTimeoutException"/>,
    /// and is taken off the wheel when the answer comes first. A parked Ping then holds one registration (on
    /// <paramref name="cancellationToken"/>) and no timer.
    /// </remarks>
    public async Task<CommandOutcome> ExecuteAsync(DeviceRequest request, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid();
        var envelope = Envelope(request.AccountId, request.Line.DeviceId);
        var command = envelope(new ExecuteDeviceCommand(request, requestId));
        Timing.AskDeadline? expiry = null;
        try
        {
            if (deadlines is null) return await accounts.Ask<CommandOutcome>(command, deadline, cancellationToken);
            return await accounts.Ask<CommandOutcome>(
                asker =>
                {
                    expiry = deadlines.Schedule(new Timing.AskDeadline(asker, deadline), deadline);
                    return command;
                },
                Timeout.InfiniteTimeSpan,
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            accounts.Tell(envelope(new AbandonRequest(requestId)));
            throw;
        }
        finally
        {
            expiry?.Cancel();
        }
    }

    /// <summary>The device's state as its actor holds it; null when never seen.</summary>
    public async Task<DeviceState?> GetStateAsync(string accountId, string deviceId, TimeSpan deadline, CancellationToken cancellationToken = default) =>
        (await GetReplyAsync(accountId, deviceId, deadline, cancellationToken)).State;

    /// <summary>The device's state and what its actor holds in memory only (its loop flag).</summary>
    public Task<DeviceStateReply> GetReplyAsync(string accountId, string deviceId, TimeSpan deadline, CancellationToken cancellationToken = default) =>
        accounts.Ask<DeviceStateReply>(Envelope(accountId, deviceId)(GetDeviceState.Instance), deadline, cancellationToken);

    private static Func<object, AccountEnvelope> Envelope(string accountId, string deviceId)
    {
        var account = accountId.ToLowerInvariant();
        var child = AccountChild.Device(deviceId);
        return message => new AccountEnvelope(account, child, message);
    }

    /// <summary>An admin orders a wipe of the device (MS-ASPROV 3.2.5.1.2).</summary>
    public Task<RemoteWipeResult> RequestWipeAsync(string accountId, string deviceId, bool accountOnly, string by, TimeSpan deadline, CancellationToken cancellationToken = default) =>
        accounts.Ask<RemoteWipeResult>(Envelope(accountId, deviceId)(new RequestRemoteWipe(accountOnly, by)), deadline, cancellationToken);

    /// <summary>An admin cancels a wipe the phone has not acknowledged.</summary>
    public Task<RemoteWipeResult> CancelWipeAsync(string accountId, string deviceId, string by, TimeSpan deadline, CancellationToken cancellationToken = default) =>
        accounts.Ask<RemoteWipeResult>(Envelope(accountId, deviceId)(new CancelRemoteWipe(by)), deadline, cancellationToken);

    /// <summary>The device deletes its journal and stops; answered once the deletes are done.</summary>
    public Task<PartnershipRemoved> RemovePartnershipAsync(string accountId, string deviceId, TimeSpan deadline, CancellationToken cancellationToken = default) =>
        accounts.Ask<PartnershipRemoved>(Envelope(accountId, deviceId)(RemovePartnership.Instance), deadline, cancellationToken);

    /// <summary>An admin approves, blocks or hands back to the rules one device of the account.</summary>
    public Task<Access.DeviceAccessResult> SetAccessAsync(string accountId, string deviceId, Access.DeviceAccessLevel? level, string by, TimeSpan deadline, CancellationToken cancellationToken = default) =>
        accounts.Ask<Access.DeviceAccessResult>(Envelope(accountId, deviceId)(new Access.SetDeviceAccess(level, by)), deadline, cancellationToken);
}
