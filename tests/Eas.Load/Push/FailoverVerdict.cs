using System.Globalization;

namespace Eas.Load.Push;

/// <summary>
/// Whether a failover run (<c>push-bench --kill-node N</c>) passed, and if not, why. It passed when every affected phone
/// was answered again and the survivors held every Ping again within <c>--failover-limit-seconds</c>, no phone was
/// forced to resync, the message appended to each account afterwards was delivered and pushed to every phone, and no
/// request failed outside the kill: none in the setup, none after failover was over, none of a kind a retry cannot
/// mend (a 4xx, a bad status), at any time. Requests that failed at the kill (<see cref="FailoverWatch.AtTheKill"/>)
/// are the failover's to answer and are judged by its time, not counted. The hold's latency and memory goals are not
/// part of it: a failover run has no hold.
/// </summary>
internal static class FailoverVerdict
{
    /// <summary>The reasons the run failed; empty when it passed.</summary>
    public static IReadOnlyList<string> Failures(PushOutcome o)
    {
        if (o.Failover is not { } f) return ["no failover was run"];
        List<string> reasons = [];
        if (o.StopReason is { } stop) reasons.Add("stopped early: " + stop);
        if (f.RecoveredAfter is null)
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"failover not over within {f.Plan.Limit.TotalSeconds:0} s ({f.Counts.Waiting} affected phones not answered again, or Pings not parked again)"));
        if (f.Counts.ForcedResyncs > 0) reasons.Add($"{f.Counts.ForcedResyncs} forced resyncs");
        if (o.SetupErrors > 0) reasons.Add($"{o.SetupErrors} errors in the setup");
        if (o.HoldErrors > 0) reasons.Add($"{o.HoldErrors} errors outside the kill");
        if (o.DeliveriesFailed > 0 || f.DeliveredAfter < f.Plan.Accounts) reasons.Add($"{f.DeliveredAfter} of {f.Plan.Accounts} messages appended after failover");
        if (o.Pushes.Missing > 0) reasons.Add($"{o.Pushes.Missing} pushes missing after failover");
        return reasons;
    }

    public static bool Passed(PushOutcome o) => Failures(o).Count == 0;
}
