using Eas.Load.Measuring;
using Eas.Load.Push;
using Eas.Load.Reporting;
using Eas.Load.Safety;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// Issue 19's push figure in one command: the <see cref="PushFixture"/> (a private Dovecot sized for the accounts, each
/// account with one message, the Release server as a child, push by Dovecot's webhook by default or a watcher session
/// per account), one phone per account parked, then one message appended to every mailbox at once
/// (<see cref="FanoutRun"/>). Reports per account APPEND done to Ping answered, the missing, the server's own share,
/// and a report folder with the charts.
/// </summary>
internal static class FanoutBench
{
    public static Task<int> RunAsync(FanoutBenchSettings settings, RunDeadline deadline)
    {
        var options = new PushFixtureOptions(
            "fanout-bench", "fan", settings.Accounts, settings.ImapSessions, settings.Webhook, Nodes: 1, settings.HeartbeatSeconds,
            settings.ServerLogLevel, settings.ServerDll, settings.KeepData);
        var needed = 2 * settings.Accounts + settings.Concurrency + PushFixture.DescriptorReserve;
        return PushFixture.RunAsync(options, needed, $"{settings.Accounts:N0} accounts (a Ping and an APPEND session each)", deadline, fixture => MeasureAsync(fixture, settings, deadline));
    }

    private static async Task<int> MeasureAsync(PushFixture fixture, FanoutBenchSettings settings, RunDeadline deadline)
    {
        var server = fixture.Servers.Nodes[0];
        var sampler = ResourceSampler.Start([("server", server.Process.ProcessId, server.BaseUrl)], deadline.Token);
        var phases = new PhaseLog(() => sampler.Elapsed);
        var outcome = await FanoutRun.RunAsync(settings, server, fixture.Accounts, fixture.Password, fixture.Imap, phases, deadline);
        var samples = await sampler.StopAsync();
        var serverLog = LogScan.Server(server.Process.LogPath);
        await fixture.StopProcessesAsync();

        var report = RunReport.Create(settings.Report, "fanout-bench");
        report.StartText();
        FanoutReport.Print(outcome, samples);
        AnsiConsole.WriteLine($"server log {serverLog.Path}: {serverLog.Errors} errors, {serverLog.Warnings} warnings");
        foreach (var (line, count) in serverLog.Problems) AnsiConsole.WriteLine($"  x{count}: {line}");
        AnsiConsole.WriteLine("Machine: " + MachineInfo.Read().Describe());
        var summary = FanoutReport.Summary(outcome, settings.Push);
        AnsiConsole.Profile.Out.Writer.WriteLine(summary);
        FanoutReport.Draw(report, outcome, samples, phases.Phases);
        report.Write($"fanout-bench: {settings.Accounts:N0} mailboxes changed at once, push {settings.Push}", summary);
        return FanoutReport.Passed(outcome) ? 0 : 1;
    }
}
