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
/// <see cref="PushBenchSettings.Concurrency"/> at once) and parks a Ping; once all are parked and the server
/// has settled, the Pings are held for the hold time while mail arrives (<see cref="PushDeliverer"/>), then the
/// phones hang up. With several nodes every request a device sends goes to a node drawn at random (a seeded
/// <see cref="Random"/> per device), as behind a load balancer with no affinity. Snapshots of the servers, Dovecot
/// and tool are taken before setup, when half of the devices have parked, after setup and at the end of the hold,
/// while the Pings are still parked; the nodes' routed-ask counters are read before setup, after setup and at the
/// end of the hold. Every wait is bounded by the run's deadline. The servers' connection cap (their /metrics and
/// /healthz, each read on a new connection) is read before setup, after setup and at the end of the hold, and their
/// descriptors are counted every second for the peak; a device refused over the cap is counted and stops.
/// </summary>
internal static class PushRun
{
    /// <summary>How long the server must keep every Ping parked before the setup counts as settled.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(60);
    /// <summary>How long after the hold pushes still owed are waited for.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan HangUpWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PingGrace = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RssInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MetricsTimeout = TimeSpan.FromSeconds(10);
    private const int NodeSeed = 20_250_102;

    /// <param name="endpoints">The ActiveSync URL of each node, in the order of <see cref="PushProbe.ServerProcessIds"/>.</param>
    public static async Task<PushOutcome> RunAsync(
        PushBenchSettings settings, IReadOnlyList<Uri> endpoints, IReadOnlyList<string> accounts, string password, PlainImap imap, PushProbe probe, RunDeadline deadline)
    {
        foreach (var endpoint in endpoints) await LoopbackGuard.CheckUrlAsync(endpoint.ToString(), deadline.Token);
        IReadOnlyList<Uri> nodes = [.. endpoints.Select(endpoint => new Uri(endpoint, "/"))];
        var counters = new PushCounters();
        var ledger = new PushLedger(settings.Devices, settings.Accounts);
        var latencies = new LatencyRecorder();
        using var connections = new DeviceConnections(TimeSpan.FromSeconds(settings.HeartbeatSeconds) + PingGrace);
        var runId = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var devices = Enumerable.Range(0, settings.Devices).Select(i =>
        {
            var device = new EasDevice(accounts[i % settings.Accounts], password, string.Create(CultureInfo.InvariantCulture, $"Push{runId}{i:D5}"), "EasLoad", settings.Version);
            var client = new EasClient(connections.Create(), PickNode(endpoints, i, counters), device, latencies) { RequestTimeout = LoopbackHttp.RequestTimeout };
            return new PushDevice(i, client, settings.HeartbeatSeconds, PingGrace, counters, ledger);
        }).ToList();

        using var metrics = LoopbackHttp.CreateClient(timeout: MetricsTimeout);
        var routedBefore = await RoutedAsks.ReadAsync(metrics, nodes, counters.Requests, CancellationToken.None);
        var capBefore = await ReadCapacityAsync(nodes);
        PrintCap(capBefore, settings);
        List<PushSnapshot> snapshots = [probe.Take("before setup")];
        var samplers = probe.ServerProcessIds.Select(server => RssSampler.Start(server, RssInterval, deadline.Token)).ToList();
        var descriptorSamplers = probe.ServerProcessIds.Select(server => DescriptorSampler.Start(server, RssInterval, deadline.Token)).ToList();
        var capAfterSetup = capBefore;
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        using var gate = new SemaphoreSlim(settings.Concurrency);
        var running = devices.Select(device => RunDeviceAsync(device, gate, hangUp.Token)).ToList();
        var deliverer = new PushDeliverer(imap, accounts, password, ledger);
        var setupClock = Stopwatch.StartNew();
        var holdClock = new Stopwatch();
        var parkedAfterSetup = 0;
        RoutedAsks? routedAfterSetup = null;
        string? stopReason = null;
        OperatorFigures? operatorFigures = null;
        try
        {
            await Progress().StartAsync(context => SetUpAsync(context.AddTask("setting up", maxValue: settings.Devices), settings, counters,
                () => snapshots.Add(probe.Take("half parked") with { Parked = counters.FirstParked }), deadline.Token));
            setupClock.Stop();
            parkedAfterSetup = counters.Parked;
            routedAfterSetup = await RoutedAsks.ReadAsync(metrics, nodes, counters.Requests, CancellationToken.None);
            capAfterSetup = await ReadCapacityAsync(nodes);
            snapshots.Add(probe.Take("after setup") with { Parked = parkedAfterSetup });
            counters.Phase = PushPhase.Holding;
            holdClock.Start();
            var delivering = deliverer.RunAsync(settings.Deliveries, TimeSpan.FromSeconds(settings.HoldSeconds), deadline.Token);
            var operating = settings.OperatorWindowSeconds > 0
                ? OperatorProbe.RunAsync(nodes[0], probe.ServerProcessIds[0], TimeSpan.FromSeconds(settings.OperatorWindowSeconds), deadline.Token)
                : Task.FromResult<OperatorFigures?>(null)!;
            await Progress().StartAsync(context => HoldAsync(context.AddTask("holding", maxValue: settings.HoldSeconds), settings, counters, deliverer, holdClock, deadline.Token));
            await delivering;
            operatorFigures = await operating;
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
        snapshots.Add(probe.Take("end of hold"));
        counters.Phase = PushPhase.Stopping;
        await hangUp.CancelAsync();
        try
        {
            await Task.WhenAll(running).WaitAsync(HangUpWait);
        }
        catch (TimeoutException)
        {
            AnsiConsole.WriteLine($"Some devices had not hung up {HangUpWait.TotalSeconds:0} s after the end.");
        }

        var rss = await Task.WhenAll(samplers.Select(sampler => sampler.StopAsync()));
        var peaks = await Task.WhenAll(descriptorSamplers.Select(sampler => sampler.StopAsync()));
        var capacity = new CapacityOutcome(
            settings.ServerNofile, capBefore, capAfterSetup, capAtEnd, counters.RefusedInSetup, counters.RefusedAtFirstPing, counters.RefusedAfterParking,
            peaks.OfType<DescriptorKinds>().MaxBy(p => p.Total));
        return new PushOutcome(
            settings.Devices, settings.Accounts, endpoints.Count, counters.SetUp, counters.SetupFailed, parkedAfterSetup, parkedAtEnd,
            counters.SetupErrors, counters.HoldErrors, counters.Expired, counters.Changes, counters.SyncedItems, counters.Messages,
            settings.Deliveries, deliverer.Delivered, deliverer.Failed, deliverer.FirstFailure, ledger.Summarize(),
            setupClock.Elapsed, holdClock.Elapsed, snapshots, rss,
            [.. latencies.Summarize().Where(l => l.Command is not ("Ping" or "all"))],
            RoutedAsks.Between(routedBefore, routedAfterSetup), RoutedAsks.Between(routedAfterSetup, routedAtEnd), stopReason, operatorFigures, capacity);
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
    private static Func<Uri> PickNode(IReadOnlyList<Uri> endpoints, int device, PushCounters counters)
    {
        var random = endpoints.Count > 1 ? new Random(NodeSeed + device) : null;
        return () =>
        {
            counters.RequestSent();
            return random is null ? endpoints[0] : endpoints[random.Next(endpoints.Count)];
        };
    }

    private static Progress Progress() =>
        AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());

    private static async Task RunDeviceAsync(PushDevice device, SemaphoreSlim gate, CancellationToken token)
    {
        try
        {
            await gate.WaitAsync(token);
            bool ready;
            try
            {
                ready = await device.SetUpAsync(token);
            }
            finally
            {
                gate.Release();
            }

            if (ready) await device.HoldAsync(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Until every device has parked its first Ping or failed, then until every set-up device's Ping has stayed
    /// parked for <see cref="Settled"/>; <paramref name="halfParked"/> runs once half of the devices have parked.
    /// </summary>
    private static async Task SetUpAsync(ProgressTask task, PushBenchSettings settings, PushCounters counters, Action halfParked, CancellationToken token)
    {
        var halfTaken = false;
        while (counters.FirstParked + counters.SetupFailed + counters.RefusedInSetup < settings.Devices)
        {
            if (!halfTaken && counters.FirstParked >= settings.Devices / 2)
            {
                halfTaken = true;
                halfParked();
            }

            task.Value = counters.FirstParked + counters.SetupFailed + counters.RefusedInSetup;
            task.Description = $"setting up: {counters.FirstParked - counters.RefusedAtFirstPing:N0} parked, {counters.Refused:N0} refused, {counters.SetupFailed} failed, {counters.SetupErrors} errors";
            await Task.Delay(Tick, token);
        }

        task.Value = settings.Devices;
        var settle = Stopwatch.StartNew();
        var steady = Stopwatch.StartNew();
        while (settle.Elapsed < MaxSettle && steady.Elapsed < Settled)
        {
            if (counters.Parked != counters.Parkable) steady.Restart();
            task.Description = $"settling: {counters.Parked:N0} of {counters.Parkable:N0} parked, {counters.Refused:N0} refused";
            await Task.Delay(Tick, token);
        }

        task.Description = $"set up: {counters.Parked:N0} parked, {counters.Refused:N0} refused, {counters.SetupFailed} failed, {counters.SetupErrors} errors";
        task.StopTask();
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
