using System.Diagnostics;
using System.Globalization;
using Eas.Load.Measuring;
using Spectre.Console;

namespace Eas.Load.Push;

/// <summary>
/// The failover measurement of <c>push-bench --kill-node N</c>, run instead of the hold once every phone has parked:
/// after <c>--kill-after-seconds</c> node N gets SIGKILL (no goodbye to its peers, as when its machine dies), the load
/// balancer takes it out of its pool (<see cref="NodeChoice"/>), and the phones go on as phones do: a dropped connection or
/// a failed request is retried with back-off on another node, with the SyncKeys they hold (<see cref="PushDevice"/>).
/// Every second it reads the surviving nodes' <c>eas_ping_parked</c> and the phones' <see cref="FailoverWatch"/>; failover
/// is over when every affected phone has been answered again and the survivors hold as many parked Pings as there are
/// phones (a Ping lost with the killed node, whose phone still waits on a connection to a survivor, is not counted by any
/// node), at most <c>--failover-limit-seconds</c>. Then one message is appended to each account, one at a time, and every
/// phone must be pushed its account's message (the ledger, drained as after a hold).
/// </summary>
internal static class FailoverPhase
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MetricsTimeout = TimeSpan.FromSeconds(5);

    public static async Task<FailoverOutcome> RunAsync(
        FailoverPlan plan, NodeChoice choice, Func<int, Task> kill, FailoverWatch watch, PushCounters counters, PushDeliverer deliverer, CancellationToken token)
    {
        await Progress().StartAsync(async context =>
        {
            var wait = context.AddTask($"parked, node {plan.Node} is killed in {plan.KillAfter.TotalSeconds:0} s", maxValue: plan.KillAfter.TotalSeconds);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < plan.KillAfter)
            {
                wait.Value = Math.Min(wait.MaxValue, clock.Elapsed.TotalSeconds);
                await Task.Delay(TimeSpan.FromMilliseconds(250), token);
            }

            wait.Value = wait.MaxValue;
            wait.StopTask();
        });

        var expected = counters.Parkable;
        var parkedBefore = counters.Parked;
        var killedAt = Stopwatch.GetTimestamp();
        watch.Killed(killedAt);
        await kill(plan.Node - 1);
        choice.TakeOut(plan.Node - 1);
        AnsiConsole.WriteLine($"Node {plan.Node} killed (SIGKILL) with {parkedBefore:N0} Pings parked over the cluster; the load balancer takes it out of its pool.");

        using var http = Safety.LoopbackHttp.CreateClient(timeout: MetricsTimeout);
        IReadOnlyList<Uri> survivors = [.. choice.Pool.Select(endpoint => new Uri(endpoint, "/"))];
        List<FailoverSample> samples = [];
        TimeSpan? recoveredAfter = null;
        await Progress().StartAsync(async context =>
        {
            var task = context.AddTask("failover", maxValue: plan.Limit.TotalSeconds);
            while (Stopwatch.GetElapsedTime(killedAt) < plan.Limit)
            {
                var parked = await ParkedAsync(http, survivors, token);
                var counts = watch.Counts();
                var since = Stopwatch.GetElapsedTime(killedAt);
                samples.Add(new FailoverSample(since, counts.Affected, counts.Affected - counts.Waiting, parked));
                task.Value = Math.Min(task.MaxValue, since.TotalSeconds);
                task.Description = string.Create(CultureInfo.InvariantCulture,
                    $"failover: {counts.Affected - counts.Waiting:N0}/{counts.Affected:N0} affected phones answered again, {parked?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"}/{expected:N0} parked on the survivors, forced resyncs {counts.ForcedResyncs}");
                if (counts.Waiting == 0 && parked >= expected)
                {
                    recoveredAfter = since;
                    break;
                }

                await Task.Delay(Tick, token);
            }

            task.Value = task.MaxValue;
            task.StopTask();
        });

        watch.Over(Stopwatch.GetTimestamp());
        var final = watch.Counts();
        var deliveriesFrom = deliverer.Delivered;
        AnsiConsole.WriteLine(recoveredAfter is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"Failover over {after.TotalSeconds:0.0} s after the kill: {final.Affected:N0} phones affected, the last answered again {final.AllAnsweredAfter?.TotalSeconds:0.0} s after it.")
            : $"Failover not over within {plan.Limit.TotalSeconds:0} s: {final.Waiting:N0} of {final.Affected:N0} affected phones not answered again.");
        await deliverer.DeliverToEachAsync(plan.Accounts, token);
        return new FailoverOutcome(plan, expected, recoveredAfter, final, watch.AnsweredSeconds(), samples, deliverer.Delivered - deliveriesFrom);
    }

    /// <summary>The surviving nodes' <c>eas_ping_parked</c> summed; null when one did not answer.</summary>
    private static async Task<int?> ParkedAsync(HttpClient http, IReadOnlyList<Uri> survivors, CancellationToken token)
    {
        var pages = await Task.WhenAll(survivors.Select(url => PrometheusText.ScrapeAsync(http, url, token)));
        return pages.Any(page => page is null) ? null : (int)pages.Sum(page => PrometheusText.Sum(page!, "eas_ping_parked") ?? 0);
    }

    private static Progress Progress() =>
        AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());
}

/// <summary>Which node is killed (1-based), how long after the phones parked, how long failover may take, and the accounts that get one message each afterwards.</summary>
internal sealed record FailoverPlan(int Node, TimeSpan KillAfter, TimeSpan Limit, int Accounts);

/// <summary>One second of the failover: since the kill, phones affected so far, those answered again, Pings parked on the survivors (null when one did not answer).</summary>
internal sealed record FailoverSample(TimeSpan Since, int Affected, int AnsweredAgain, int? ParkedOnSurvivors);

/// <summary>
/// What the failover measured: the plan, the Pings that had to be parked again, when failover was over (null: not within
/// the limit), the phones' counts at the end, when each affected phone was answered again (seconds since the kill), the
/// samples, and the messages appended afterwards (one per account).
/// </summary>
internal sealed record FailoverOutcome(
    FailoverPlan Plan, int Expected, TimeSpan? RecoveredAfter, FailoverCounts Counts, IReadOnlyList<double> AnsweredSeconds, IReadOnlyList<FailoverSample> Samples, int DeliveredAfter);
