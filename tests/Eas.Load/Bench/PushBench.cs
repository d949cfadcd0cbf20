using Eas.Load.Floor;
using Eas.Load.Measuring;
using Eas.Load.Push;
using Eas.Load.Reporting;
using Eas.Load.Safety;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// The push measurement in one command: the <see cref="PushFixture"/> (a private Dovecot, the accounts with one message
/// each, the Release server or a cluster of them), then <see cref="PushRun"/>: every device set up and parked, the
/// command sessions left to close (the server's idle time) while the Pings stay parked, the Pings held while mail
/// arrives, the figures. All phones live in this one process: each parked Ping is one socket here, and the run refuses
/// to start when the devices would not fit under this process's descriptor limit.
/// </summary>
internal static class PushBench
{
    public static Task<int> RunAsync(PushBenchSettings settings, RunDeadline deadline)
    {
        var options = new PushFixtureOptions(
            "push-bench", "push", settings.Accounts, settings.ImapSessions, settings.Webhook, settings.Nodes, settings.HeartbeatSeconds,
            settings.ServerLogLevel, settings.ServerDll, settings.KeepData)
        {
            ServerNofile = settings.ServerNofile,
            CommandSessionIdleSeconds = settings.CommandSessionIdleSeconds,
            LoosenedDetector = settings.LoosenedDetector,
            ExtraServerArguments = [$"--Eas:Admin:Users:{OperatorProbe.Admin}={OperatorProbe.AdminPassword}"],
        };

        // Every parked Ping holds a socket of this process, and each node's connection pool may keep up to a setup round's connections idle.
        var needed = settings.Devices + settings.Nodes * settings.Concurrency + PushFixture.DescriptorReserve;
        return PushFixture.RunAsync(options, needed, $"{settings.Devices:N0} devices", deadline, fixture => MeasureAsync(fixture, settings, deadline));
    }

    private static async Task<int> MeasureAsync(PushFixture fixture, PushBenchSettings settings, RunDeadline deadline)
    {
        var nodes = fixture.Servers.Nodes;
        var idle = settings.SkipIdleWait ? ((int, string)?)null : CommandSessionIdle.Of(fixture.ServerDll, settings.CommandSessionIdleSeconds);
        var probe = new PushProbe(
            [.. nodes.Select(n => n.Process.ProcessId)], [.. nodes.Select(n => n.BaseUrl.Port)], ProcessCpu.FindByCommandLine(fixture.Dovecot.ConfigPath), fixture.Dovecot.ImapPort);
        List<LogScan> logs = [.. nodes.Select(n => LogScan.Server(n.Process.LogPath, fixture.Options.NodeName(n.Number)))];
        var sampler = ResourceSampler.Start([.. nodes.Select(n => (fixture.Options.NodeName(n.Number), n.Process.ProcessId, (Uri?)n.BaseUrl))], deadline.Token);
        var outcome = await PushRun.RunAsync(settings, [.. nodes.Select(n => n.Endpoint)], fixture.Accounts, fixture.Password, fixture.Imap, probe, idle, deadline, fixture.Servers.KillAsync);
        var samples = await sampler.StopAsync();
        await fixture.StopProcessesAsync();
        var report = RunReport.Create(settings.Report, "push-bench");
        report.StartText();
        PushReport.Print(outcome, MachineInfo.Read(), [.. logs, LogScan.Dovecot(fixture.DovecotLogPath)]);
        if (outcome.Operator is { } operatorFigures) OperatorProbe.Print(operatorFigures);
        if (settings.Floor && await FloorBench.MeasureAsync(outcome.ParkedAfterSetup, fixture.ServerDll, fixture.WorkDirectory, deadline.Token) is { } floor) PushReport.PrintFloor(outcome, floor);
        PushFigures.Draw(report, outcome, settings, samples);
        report.Write($"push-bench: {settings.Devices:N0} devices over {settings.Accounts:N0} accounts, push {settings.Push}, {settings.Nodes} node(s)", PushReport.Summary(outcome));
        return PushReport.Passed(outcome) ? 0 : 1;
    }
}
