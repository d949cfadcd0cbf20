using System.Diagnostics;
using System.Globalization;
using Eas.Load.Bench;
using Eas.Load.Eas;
using Eas.Load.Measuring;
using Eas.Load.Safety;
using Eas.Load.Seeding;
using Spectre.Console;

namespace Eas.Load.Push;

/// <summary>
/// The phones of a push bench against a running server or cluster, each with its own connection
/// (<see cref="DeviceConnections"/>): every device is set up (at most
/// <see cref="PushBenchSettings.Concurrency"/> at once) and parks a Ping (<see cref="DeviceParking"/>); once all are
/// parked and the server has settled, the Pings stay parked, with no mail arriving, until the servers' command sessions
/// have closed (<see cref="IdleSessionsWatch"/>: the server's idle time, unless skipped), then they are held for the hold
/// time while mail arrives (<see cref="PushDeliverer"/>), then the phones hang up. With several nodes every request a device sends goes to a node drawn at random (a seeded
/// <see cref="Random"/> per device), as behind a load balancer with no affinity. Snapshots of the servers, Dovecot
/// and tool are taken before setup, when half of the devices have parked, after setup, after the command sessions'
/// idle time and at the end of the hold, while the Pings are still parked, and Dovecot is sampled every 5 s
/// (<see cref="DovecotSampler"/>); the nodes' routed-ask counters are read before setup, after setup and at the
/// end of the hold. Every wait is bounded by the run's deadline. The servers' connection cap (their /metrics and
/// /healthz, each read on a new connection) is read before setup, after setup and at the end of the hold, and their
/// descriptors are counted every second for the peak; a device refused over the cap is counted and stops. With
/// <see cref="PushBenchSettings.KillNode"/> the hold is replaced by the failover measurement (<see cref="FailoverPhase"/>):
/// one node killed, the phones going on over the others, one message per account afterwards.
/// </summary>
internal static class PushRun
{
    /// <summary>How long after the hold pushes still owed are waited for.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);
    /// <summary>How long the servers' count of mailbox sessions must stay 0: Dovecot's imap processes end just after the LOGOUT.</summary>
    private static readonly TimeSpan SessionsLinger = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PingGrace = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RssInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MetricsTimeout = TimeSpan.FromSeconds(10);
    private const int NodeSeed = 20_250_102;
    /// <summary>The snapshot taken once the command sessions have closed after the setup.</summary>
    public const string IdleMoment = "sessions idle";

    /// <param name="endpoints">The ActiveSync URL of each node, in the order of <see cref="PushProbe.ServerProcessIds"/>.</param>
    /// <param name="idle">The servers' command-session idle time and where it was read, to wait out after the setup; null skips the wait.</param>
    /// <param name="kill">Kills node N (0-based) with SIGKILL; needed with <see cref="PushBenchSettings.KillNode"/>.</param>
    public static async Task<PushOutcome> RunAsync(
        PushBenchSettings settings, IReadOnlyList<Uri> endpoints, IReadOnlyList<string> accounts, string password, PlainImap imap, PushProbe probe,
        (int Seconds, string Source)? idle, RunDeadline deadline, Func<int, Task>? kill = null)
    {
        foreach (var endpoint in endpoints) await LoopbackGuard.CheckUrlAsync(endpoint.ToString(), deadline.Token);
        IReadOnlyList<Uri> nodes = [.. endpoints.Select(endpoint => new Uri(endpoint, "/"))];
        var counters = new PushCounters();
        var ledger = new PushLedger(settings.Devices, settings.Accounts);
        var latencies = new LatencyRecorder();
        using var connections = new DeviceConnections(TimeSpan.FromSeconds(settings.HeartbeatSeconds) + PingGrace);
        var runId = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var choice = new NodeChoice(endpoints);
        var failover = settings.KillNode is not null ? new FailoverWatch(settings.Devices) : null;
        var devices = Enumerable.Range(0, settings.Devices).Select(i =>
        {
            var device = new EasDevice(accounts[i % settings.Accounts], password, string.Create(CultureInfo.InvariantCulture, $"Push{runId}{i:D5}"), "EasLoad", settings.Version);
            var client = new EasClient(connections.Create(), PickNode(choice, i, counters), device, latencies) { RequestTimeout = LoopbackHttp.RequestTimeout };
            return new PushDevice(i, client, settings.HeartbeatSeconds, PingGrace, counters, ledger, failover);
        }).ToList();

        using var metrics = LoopbackHttp.CreateClient(timeout: MetricsTimeout);
        var routedBefore = await RoutedAsks.ReadAsync(metrics, nodes, counters.Requests, CancellationToken.None);
        var capBefore = await ReadCapacityAsync(nodes);
        PrintCap(capBefore, settings);
        List<PushSnapshot> snapshots = [await probe.TakeAsync("before setup", deadline.Token)];
        var samplers = probe.ServerProcessIds.Select(server => RssSampler.Start(server, RssInterval, deadline.Token)).ToList();
        var descriptorSamplers = probe.ServerProcessIds.Select(server => DescriptorSampler.Start(server, RssInterval, deadline.Token)).ToList();
        var dovecotSampler = DovecotSampler.Start(probe, deadline.Token);
        var capAfterSetup = capBefore;
        using var parking = new DeviceParking(devices, settings.Concurrency, counters, deadline.Token);
        parking.Start();
        var deliverer = new PushDeliverer(imap, accounts, password, ledger);
        var setupClock = Stopwatch.StartNew();
        var holdClock = new Stopwatch();
        var parkedAfterSetup = 0;
        RoutedAsks? routedAfterSetup = null;
        string? stopReason = null;
        OperatorFigures? operatorFigures = null;
        SessionIdleOutcome? idleOutcome = null;
        FailoverOutcome? failoverOutcome = null;
        try
        {
            await Progress().StartAsync(async context =>
            {
                var task = context.AddTask("setting up", maxValue: settings.Devices);
                await parking.ParkAsync(task, () => snapshots.Add(probe.Take("half parked") with { Parked = counters.FirstParked }), deadline.Token);
                await parking.SettleAsync(task, deadline.Token);
            });
            setupClock.Stop();
            parkedAfterSetup = counters.Parked;
            routedAfterSetup = await RoutedAsks.ReadAsync(metrics, nodes, counters.Requests, CancellationToken.None);
            capAfterSetup = await ReadCapacityAsync(nodes);
            snapshots.Add(await probe.TakeAsync("after setup", deadline.Token) with { Parked = parkedAfterSetup });
            if (idle is { } idleTime)
            {
                idleOutcome = await Progress().StartAsync(context => WaitForIdleSessionsAsync(context.AddTask("sessions idle", maxValue: idleTime.Seconds), idleTime, nodes, counters, deadline.Token));
                snapshots.Add(await probe.TakeAsync(IdleMoment, deadline.Token) with { Parked = idleOutcome.Parked });
            }

            counters.Phase = PushPhase.Holding;
            holdClock.Start();
            if (settings.KillNode is { } victim && failover is not null && kill is not null)
            {
                var plan = new FailoverPlan(victim, TimeSpan.FromSeconds(settings.KillAfterSeconds), TimeSpan.FromSeconds(settings.FailoverLimitSeconds), settings.Accounts);
                failoverOutcome = await FailoverPhase.RunAsync(plan, choice, kill, failover, counters, deliverer, deadline.Token);
            }
            else
            {
                var delivering = deliverer.RunAsync(settings.Deliveries, TimeSpan.FromSeconds(settings.HoldSeconds), deadline.Token);
                var operating = settings.OperatorWindowSeconds > 0
                    ? OperatorProbe.RunAsync(nodes[0], probe.ServerProcessIds[0], TimeSpan.FromSeconds(settings.OperatorWindowSeconds), deadline.Token)
                    : Task.FromResult<OperatorFigures?>(null)!;
                await Progress().StartAsync(context => HoldAsync(context.AddTask("holding", maxValue: settings.HoldSeconds), settings, counters, deliverer, holdClock, deadline.Token));
                await delivering;
                operatorFigures = await operating;
            }

            await DrainAsync(ledger, counters, deadline.Token);
            holdClock.Stop();
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            stopReason = deadline.StopReason;
        }

        var parkedAtEnd = counters.Parked;
        var routedAtEnd = await RoutedAsks.ReadAsync(metrics, nodes, counters.Requests, CancellationToken.None);
        var capAtEnd = await ReadCapacityAsync(nodes);
        snapshots.Add(await probe.TakeAsync("end of hold", CancellationToken.None));
        var dovecotSamples = await dovecotSampler.StopAsync();
        counters.Phase = PushPhase.Stopping;
        await parking.HangUpAsync();

        var rss = await Task.WhenAll(samplers.Select(sampler => sampler.StopAsync()));
        var peaks = await Task.WhenAll(descriptorSamplers.Select(sampler => sampler.StopAsync()));
        var capacity = new CapacityOutcome(
            settings.ServerNofile, capBefore, capAfterSetup, capAtEnd, counters.RefusedInSetup, counters.RefusedAtFirstPing, counters.RefusedAfterParking,
            peaks.OfType<DescriptorKinds>().MaxBy(p => p.Total));
        return new PushOutcome(
            settings.Devices, settings.Accounts, endpoints.Count, counters.SetUp, counters.SetupFailed, parkedAfterSetup, parkedAtEnd,
            counters.SetupErrors, counters.HoldErrors, counters.Expired, counters.Changes, counters.SyncedItems, counters.Messages,
            settings.KillNode is null ? settings.Deliveries : settings.Accounts, deliverer.Delivered, deliverer.Failed, deliverer.FirstFailure, ledger.Summarize(),
            setupClock.Elapsed, holdClock.Elapsed, snapshots, rss,
            [.. latencies.Summarize().Where(l => l.Command is not ("Ping" or "all"))],
            RoutedAsks.Between(routedBefore, routedAfterSetup), RoutedAsks.Between(routedAfterSetup, routedAtEnd), stopReason, operatorFigures, capacity)
        {
            SessionIdle = idleOutcome,
            Dovecot = dovecotSamples,
            Failover = failoverOutcome,
            FailedAtKill = counters.FailedAtKill,
            KillMessages = counters.KillMessages,
        };
    }

    private static async Task<CapacityFigures> ReadCapacityAsync(IReadOnlyList<Uri> nodes) =>
        CapacityOutcome.Sum(await Task.WhenAll(nodes.Select(node => CapacityFigures.ReadAsync(node, MetricsTimeout, CancellationToken.None))));

    /// <summary>The cap the servers start with, as their /metrics show it.</summary>
    private static void PrintCap(CapacityFigures cap, PushBenchSettings settings)
    {
        var nodes = settings.Nodes > 1 ? $", summed over {settings.Nodes} nodes" : "";
        var limit = settings.ServerNofile is { } nofile ? $"started under RLIMIT_NOFILE {nofile:N0}" : "started under this tool's limit";
        AnsiConsole.WriteLine(cap.Cap is { } connections
            ? string.Create(CultureInfo.InvariantCulture, $"Connection cap: {connections:N0} (descriptor limit {cap.DescriptorLimit:N0}, {cap.Descriptors:N0} open at rest{nodes}; {limit}); {settings.Devices:N0} devices offered")
            : $"Connection cap: none on /metrics ({(cap.MetricsAnswered ? "no eas_connections_cap" : "/metrics did not answer")}; {limit})");
    }

    /// <summary>The endpoint of every request of device <paramref name="device"/>, each one counted: the one node, or one drawn at random per request.</summary>
    private static Func<Uri> PickNode(NodeChoice choice, int device, PushCounters counters)
    {
        var random = choice.Endpoints.Count > 1 ? new Random(NodeSeed + device) : null;
        return () =>
        {
            counters.RequestSent();
            return choice.Pick(random);
        };
    }

    private static Progress Progress() =>
        AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());

    /// <summary>
    /// Until the servers' command sessions have closed after the setup, the Pings staying parked
    /// (<see cref="IdleSessionsWatch"/>), their count read from every node's /metrics once a second.
    /// </summary>
    private static async Task<SessionIdleOutcome> WaitForIdleSessionsAsync(
        ProgressTask task, (int Seconds, string Source) idle, IReadOnlyList<Uri> nodes, PushCounters counters, CancellationToken token)
    {
        var watch = new IdleSessionsWatch(TimeSpan.FromSeconds(idle.Seconds), SessionsLinger);
        task.MaxValue = watch.Limit.TotalSeconds;
        var clock = Stopwatch.StartNew();
        IdleWaitState state;
        double? sessions;
        do
        {
            sessions = (await ReadCapacityAsync(nodes)).MailboxSessions;
            state = watch.Observe(clock.Elapsed, sessions);
            task.Value = Math.Min(task.MaxValue, clock.Elapsed.TotalSeconds);
            task.Description = string.Create(CultureInfo.InvariantCulture,
                $"sessions idle: waiting out {idle.Seconds} s ({idle.Source}); mailbox sessions {sessions?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"}, {counters.Parked:N0} parked");
            if (state == IdleWaitState.Waiting) await Task.Delay(IdlePoll, token);
        }
        while (state == IdleWaitState.Waiting);

        task.Value = task.MaxValue;
        task.StopTask();
        return new SessionIdleOutcome(idle.Seconds, idle.Source, state, clock.Elapsed, sessions, counters.Parked);
    }

    private static async Task HoldAsync(ProgressTask task, PushBenchSettings settings, PushCounters counters, PushDeliverer deliverer, Stopwatch clock, CancellationToken token)
    {
        var hold = TimeSpan.FromSeconds(settings.HoldSeconds);
        while (clock.Elapsed < hold)
        {
            task.Value = Math.Min(settings.HoldSeconds, clock.Elapsed.TotalSeconds);
            task.Description = $"holding: {counters.Parked:N0} parked, delivered {deliverer.Delivered}/{settings.Deliveries}, " +
                $"Status 2 {counters.Changes:N0}, Status 1 {counters.Expired}, errors {counters.HoldErrors}";
            await Task.Delay(Tick, token);
        }

        task.Value = settings.HoldSeconds;
        task.StopTask();
    }

    /// <summary>
    /// Waits, at most <see cref="Drain"/>, for the pushes still owed and then for the devices they woke to park
    /// again (they sync first), so the end snapshot does not catch the last delivery's devices between two Pings.
    /// </summary>
    private static async Task DrainAsync(PushLedger ledger, PushCounters counters, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Drain && (ledger.Outstanding() > 0 || counters.Parked < counters.Parkable)) await Task.Delay(Tick, token);
    }
}
