using System.CommandLine;
using Eas.Load.Cli;

// eas-load: load and throughput measurements of the EAS server, on this machine only (loopback addresses,
// bounded in count and time). `eas-load demo-bench` is the one-command measurement.
ConsoleSetup.Apply();
var root = new RootCommand("Load tool for the EAS server: seed a mailbox, run initial syncs, park Pings, measure throughput, push latency and memory.")
{
    SeedCommand.Create(),
    InitialSyncCommand.Create(),
    DemoBenchCommand.Create(),
    PushBenchCommand.Create(),
    FanoutBenchCommand.Create(),
    AbuseCommand.Create(),
    AttachBenchCommand.Create(),
    ContactsBenchCommand.Create(),
    ContactsBenchCommand.CreateCalendar(),
    GalBenchCommand.Create(),
    FloorServerCommand.Create(),
};
// Ctrl-C (or SIGTERM) cancels the run's token, and a bench then stops what it started (servers, Dovecot, PostgreSQL)
// and reports what it measured; System.CommandLine's default of 2 s would end the process first and leave them running.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(3) });
