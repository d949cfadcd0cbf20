using Eas.Load.Measuring;

namespace Eas.Load.Push;

/// <summary>
/// What a fan-out bench measured: devices set up and parked when the mail came, the APPENDs (made, failed, how long
/// all of them took), each push as (seconds from the release of the APPENDs to this one's completion, latency from
/// there to the Ping's answer in ms), pushes never made within the heartbeat, errors, the setup latencies, the
/// server's own push latency over the fan-out (<c>eas_push_latency_seconds</c>, change seen to reply handed to the
/// edge; null when its /metrics did not answer) and why it stopped early if it did.
/// </summary>
internal sealed record FanoutOutcome(
    int Accounts, int SetUp, int SetupFailed, int ParkedAtFanout, int Appended, int AppendFailed, string? FirstAppendFailure, TimeSpan FanoutElapsed,
    IReadOnlyList<FanoutPush> Pushes, int Missing, int SeenBySync, int Unexplained,
    int SetupErrors, int HoldErrors, IReadOnlyList<KeyValuePair<string, int>> ErrorMessages, IReadOnlyList<LatencySummary> SetupLatencies,
    PrometheusHistogram? ServerPush, string? StopReason)
{
    /// <summary>The missing pushes by what their phone did after the APPEND (<see cref="PushLedger"/>).</summary>
    public MissingPushes MissingByCause { get; init; } = new(0, 0, 0);

    /// <summary>Deliveries a phone's Sync returned more than once.</summary>
    public int Duplicates { get; init; }

    public IReadOnlyList<double> LatenciesMs => [.. Pushes.Select(p => p.LatencyMs)];

    public LatencySummary Latency => LatencySummary.Of("push", LatenciesMs);

    /// <summary>The same pushes timed from the moment their APPEND was sent: an upper bound, as the other is a lower one when the bench is slow to read the OK.</summary>
    public LatencySummary SinceSent => LatencySummary.Of("push since APPEND sent", [.. Pushes.Select(p => p.SinceSentMs)]);

    /// <summary>Pushes whose Ping answered before the APPEND's tagged OK reached the bench (latency at or below 0): the server heard of the message first.</summary>
    public int AnsweredBeforeAppendDone => Pushes.Count(p => p.LatencyMs <= 0);
}

/// <summary>One push of a fan-out: when its APPEND completed (s after the APPENDs were released), and the Ping's answer in ms from that completion and from the APPEND being sent.</summary>
internal sealed record FanoutPush(double AppendDoneSeconds, double LatencyMs, double SinceSentMs);
