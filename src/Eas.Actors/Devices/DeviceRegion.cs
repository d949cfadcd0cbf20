using System.Collections.Concurrent;
using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Wire.Commands.Ping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Devices;

/// <summary>
/// The devices of every account, reached through the account shard region from any node. Every request's ask is
/// known by its account's shard while it runs, so that when a member is removed from the cluster
/// (<see cref="ClusterStats.MemberShardsLost"/>) the asks sent to the shards it hosted end at once instead of at their
/// deadline: a Ping as its heartbeat would end it (Status 1, MS-ASCMD 2.2.3.162.10: the phone Pings again and reaches
/// the account's entity wherever sharding starts it next), any other request as its deadline would (503 with
/// Retry-After). Without this a Ping parked on a node that died, or sent to it before it was removed, waited for the
/// phone's own timeout, up to its whole heartbeat (an hour at most).
/// </summary>
public sealed class DeviceRegion
{
    private readonly IActorRef accounts;
    private readonly Timing.DeadlineWheel? deadlines;
    private readonly AccountMessageExtractor _shards;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Guid, EdgeAsk> _inFlight = new();

    /// <param name="accounts">The account shard region.</param>
    /// <param name="deadlines">
    /// The node's timer for the deadline of each request's ask; null gives each ask a timer of its own, as in tests of the
    /// request path alone.
    /// </param>
    /// <param name="cluster">This node's view of the cluster, whose <see cref="ClusterStats.MemberShardsLost"/> ends the asks to a removed member; null: asks end at their deadline only.</param>
    /// <param name="shards">The number of account shards (<see cref="AccountMessageExtractor"/>), as the shard region was started with.</param>
    /// <param name="logger">Where the asks ended by a member's removal are logged (event 5850).</param>
    public DeviceRegion(
        IActorRef accounts, Timing.DeadlineWheel? deadlines = null, ClusterStats? cluster = null, int shards = AccountMessageExtractor.DefaultShards, ILogger? logger = null)
    {
        this.accounts = accounts;
        this.deadlines = deadlines;
        _shards = new AccountMessageExtractor(shards);
        _logger = logger ?? NullLogger.Instance;
        if (cluster is not null) cluster.MemberShardsLost += EndAsksTo;
    }

    /// <summary>Asks running now (parked Pings included).</summary>
    public int AsksRunning => _inFlight.Count;

    /// <summary>
    /// Ends every running ask whose account's shard is in <paramref name="lost"/> and that started before
    /// <see cref="ShardsLost.RoutedBefore"/> (later ones reached the shards' new homes), only Pings when
    /// <see cref="ShardsLost.PingsOnly"/>: a Ping with Status 1, anything else
    /// with an <see cref="AskTimeoutException"/> (503). An ask whose answer is on its way meanwhile completes with whichever comes first.
    /// </summary>
    public void EndAsksTo(ShardsLost lost)
    {
        int pings = 0, others = 0;
        foreach (var (_, ask) in _inFlight)
        {
            if (!lost.Shards.Contains(ask.Shard) || ask.Started >= lost.RoutedBefore || (lost.PingsOnly && !ask.Ping)) continue;
            if (ask.Ping)
            {
                ask.Tell(new RespondWith(new PingResponse(PingStatus.Expired)));
                pings++;
            }
            else
            {
                ask.Tell(new Status.Failure(new AskTimeoutException($"The node hosting the account's shard ({lost.Node}) was removed from the cluster.")));
                others++;
            }
        }

        DeviceRegionLog.AsksEnded(_logger, lost.Node, lost.Shards.Count, pings, others);
    }

    /// <summary>
    /// The one ask of a request: run the command on its device, within <paramref name="deadline"/>. When
    /// <paramref name="cancellationToken"/> fires (the phone hung up) the ask ends cancelled and the device is told, so a
    /// parked request is dropped at once rather than at its heartbeat.
    /// </summary>
    /// <remarks>
    /// The ask is one <see cref="EdgeAsk"/> and no async frame of its own: a parked Ping keeps the ask, its deadline on the
    /// node's <see cref="Timing.DeadlineWheel"/> (without a wheel, a timer), one registration on
    /// <paramref name="cancellationToken"/> and the frame of its caller; not <paramref name="request"/>, which only the
    /// message to the device holds.
    /// </remarks>
    public Task<CommandOutcome> ExecuteAsync(DeviceRequest request, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid();
        var command = Envelope(request.AccountId, request.Line.DeviceId)(new ExecuteDeviceCommand(request, requestId));
        var provider = (accounts as IInternalActorRef)?.Provider ?? throw new InvalidOperationException("The account region is not an actor of this system.");
        var ask = new EdgeAsk(
            this, provider, requestId, command.AccountId, request.Line.DeviceId, _shards.ShardId(command.AccountId, command), request.Line.Command == Eas.Wire.Http.EasCommand.Ping);
        _inFlight[requestId] = ask;
        return ask.Start(accounts, command, deadline, deadlines, cancellationToken);
    }

    /// <summary>The ask has ended: it is no longer one of <see cref="AsksRunning"/>.</summary>
    internal void Ended(EdgeAsk ask) => _inFlight.TryRemove(ask.RequestId, out _);

    /// <summary>The phone hung up on the ask: its device drops the request (a parked Ping without an answer).</summary>
    internal void Abandon(EdgeAsk ask) => accounts.Tell(Envelope(ask.AccountId, ask.DeviceId)(new AbandonRequest(ask.RequestId)));

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
