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
return await root.Parse(args).InvokeAsync();
