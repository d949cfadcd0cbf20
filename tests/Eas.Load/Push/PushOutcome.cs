using Eas.Load.Measuring;

namespace Eas.Load.Push;

/// <summary>
/// What a push bench measured: the device counts and errors, the pushes, the snapshots before setup, half parked,
/// after setup and at the end of the hold, each server's RSS series (one per node), setup request latencies, the
/// asks routed during setup and during the hold by whether they crossed nodes, why it stopped early if it did, and
/// the connection cap: what the servers' /metrics showed and which devices they refused; how the wait for the command
/// sessions to close went (<see cref="SessionIdle"/>, null when skipped), and Dovecot every 5 s (<see cref="Dovecot"/>).
/// </summary>
internal sealed record PushOutcome(
    int Devices, int Accounts, int Nodes, int DevicesSetUp, int SetupFailed, int ParkedAfterSetup, int ParkedAtEnd,
    int SetupErrors, int HoldErrors, int Reparks, int Changes, int SyncedItems, IReadOnlyList<KeyValuePair<string, int>> ErrorMessages,
    int DeliveriesPlanned, int Delivered, int DeliveriesFailed, string? FirstDeliveryFailure, PushLedgerSummary Pushes,
    TimeSpan SetupElapsed, TimeSpan HoldElapsed, IReadOnlyList<PushSnapshot> Snapshots, IReadOnlyList<RssSeries> ServerRss,
    IReadOnlyList<LatencySummary> SetupLatencies, RoutedAsks? SetupRouted, RoutedAsks? HoldRouted, string? StopReason, OperatorFigures? Operator = null, CapacityOutcome? Capacity = null)
{
    public LatencySummary PushLatency => LatencySummary.Of("push", [.. Pushes.LatenciesMs]);

    public int Errors => SetupErrors + HoldErrors;

    /// <summary>Devices the server refused over its connection cap before they parked.</summary>
    public int Refused => Capacity?.Refused ?? 0;

    public SessionIdleOutcome? SessionIdle { get; init; }

    public IReadOnlyList<DovecotSample> Dovecot { get; init; } = [];

    /// <summary>Requests that failed at the kill and were retried (<see cref="PushCounters.FailedAtKill"/>); not in <see cref="HoldErrors"/>.</summary>
    public int FailedAtKill { get; init; }

    /// <summary>The kept messages of the failures at the kill, with how often each came.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> KillMessages { get; init; } = [];

    /// <summary>The failover of <c>--kill-node</c>, run instead of the hold; null without it.</summary>
    public FailoverOutcome? Failover { get; init; }

    public PushSnapshot? Snapshot(string moment) => Snapshots.FirstOrDefault(s => s.Moment == moment);
}
