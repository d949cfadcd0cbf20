using System.Diagnostics;
using System.Globalization;
using Eas.Load.Bench;
using Eas.Load.Eas;
using Eas.Load.Measuring;
using Eas.Load.Reporting;
using Eas.Load.Safety;
using Eas.Load.Seeding;
using Spectre.Console;

namespace Eas.Load.Push;

/// <summary>
/// The phones of a fan-out bench against a running server: one device per account is set up and parks a Ping on its
/// inbox (<see cref="PushDevice"/>, at most <see cref="FanoutBenchSettings.Concurrency"/> setting up at once, by
/// <see cref="DeviceParking"/>); once all are parked and stay so for <see cref="DeviceParking.Settled"/>, one APPEND session per account is signed in, then one message is
/// appended to every mailbox at once (<see cref="FanoutAppender"/>), and answers are waited for up to the heartbeat.
/// Each push is timed by the <see cref="PushLedger"/> from its APPEND's completion to its Ping's answer. The server's
/// own push latency histogram is read from its /metrics before and after the fan-out. Phases are marked on
/// <paramref name="phases"/>: setup, settle, sign-in, fan-out, drain, hang-up.
/// </summary>
internal static class FanoutRun
{
    private static readonly TimeSpan PingGrace = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MetricsTimeout = TimeSpan.FromSeconds(10);
    /// <summary>
    /// Between the last answer and the second read of the server's histogram: the server records a push as it hands the
    /// reply over, which may be a moment after the phone has it.
    /// </summary>
    private static readonly TimeSpan MetricsSettle = TimeSpan.FromSeconds(2);
    private const string PushLatencyMetric = "eas_push_latency_seconds";

    public static async Task<FanoutOutcome> RunAsync(
        FanoutBenchSettings settings, ServerNode server, IReadOnlyList<string> accounts, string password, PlainImap imap, PhaseLog phases, RunDeadline deadline)
    {
        await LoopbackGuard.CheckUrlAsync(server.Endpoint.ToString(), deadline.Token);
        var counters = new PushCounters();
        var ledger = new PushLedger(accounts.Count, accounts.Count);
        var latencies = new LatencyRecorder();
        using var http = LoopbackHttp.CreateClient(accounts.Count + settings.Concurrency + 64, TimeSpan.FromSeconds(settings.HeartbeatSeconds) + PingGrace);
        using var metrics = LoopbackHttp.CreateClient(timeout: MetricsTimeout);
        var runId = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var devices = accounts.Select((account, i) =>
        {
            var device = new EasDevice(account, password, string.Create(CultureInfo.InvariantCulture, $"Fan{runId}{i:D5}"), "EasLoad", settings.Version);
            var client = new EasClient(http, server.Endpoint, device, latencies) { RequestTimeout = LoopbackHttp.RequestTimeout };
            return new PushDevice(i, client, settings.HeartbeatSeconds, PingGrace, counters, ledger);
        }).ToList();
        await using var appender = new FanoutAppender(imap, password, ledger);
        using var parking = new DeviceParking(devices, settings.Concurrency, counters, deadline.Token);
        phases.Begin("setup");
        parking.Start();
        var parkedAtFanout = 0;
        PrometheusHistogram? serverPush = null;
        string? stopReason = null;
        try
        {
            await AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(context => parking.ParkAsync(context.AddTask("setting up", maxValue: devices.Count), halfParked: null, deadline.Token));
            phases.Begin("settle");
            await parking.SettleAsync(task: null, deadline.Token);
            phases.Begin("sign-in");
            await appender.SignInAsync([.. accounts.Select((user, i) => (i, user)).Where(a => parking.IsReady(a.i))], settings.Concurrency, deadline.Token);
            AnsiConsole.WriteLine($"Signed in {appender.Sessions:N0} APPEND sessions ({appender.Failed} failed); {counters.Parked:N0} Pings parked.");
            var before = await ScrapeAsync(metrics, server.BaseUrl);
            parkedAtFanout = counters.Parked;
            counters.Phase = PushPhase.Holding;
            phases.Begin("fan-out");
            await appender.AppendAllAsync(deadline.Token);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Appended {appender.Sessions - appender.Failed:N0} messages at once in {appender.Elapsed.TotalSeconds:0.00} s; waiting for the Pings (at most {settings.HeartbeatSeconds} s)."));
            phases.Begin("drain");
            await DrainAsync(ledger, TimeSpan.FromSeconds(settings.HeartbeatSeconds), deadline.Token);
            await Task.Delay(MetricsSettle, deadline.Token);
            serverPush = (await ScrapeAsync(metrics, server.BaseUrl))?.Minus(before);
        }
        catch (OperationCanceledException) when (deadline.IsOver)
        {
            stopReason = deadline.StopReason;
        }

        phases.Begin("hang-up");
        counters.Phase = PushPhase.Stopping;
        await parking.HangUpAsync();

        phases.End();
        var summary = ledger.Summarize();
        var pushes = ledger.Answers()
            .Select(a => new FanoutPush(Stopwatch.GetElapsedTime(appender.StartedAt, a.CompletedAt).TotalSeconds,
                Stopwatch.GetElapsedTime(a.CompletedAt, a.AnsweredAt).TotalMilliseconds, Stopwatch.GetElapsedTime(a.StartedAt, a.AnsweredAt).TotalMilliseconds))
            .OrderBy(p => p.AppendDoneSeconds)
            .ToList();
        return new FanoutOutcome(
            accounts.Count, counters.SetUp, counters.SetupFailed, parkedAtFanout, appender.Sessions - appender.Failed, appender.Failed, appender.FirstFailure, appender.Elapsed,
            pushes, summary.Missing, summary.SeenBySync, summary.Unexplained, counters.SetupErrors, counters.HoldErrors, counters.Messages,
            [.. latencies.Summarize().Where(l => l.Command is not ("Ping" or "all"))], serverPush, stopReason)
        {
            MissingByCause = summary.MissingByCause,
            Duplicates = summary.Duplicates,
        };
    }

    /// <summary>Until no push is owed, at most <paramref name="limit"/> (the heartbeat: a Ping not answered by then never will be for this mail).</summary>
    private static async Task DrainAsync(PushLedger ledger, TimeSpan limit, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && ledger.Outstanding() > 0) await Task.Delay(Tick, token);
    }

    private static async Task<PrometheusHistogram?> ScrapeAsync(HttpClient http, Uri baseUrl) =>
        await PrometheusText.ScrapeAsync(http, baseUrl, CancellationToken.None) is { } text ? PrometheusHistogram.Parse(text, PushLatencyMetric) : null;
}
