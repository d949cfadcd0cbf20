using System.CommandLine;
using Eas.Load.Floor;

namespace Eas.Load.Cli;

/// <summary><c>eas-load floor-server --port N</c>: the bare Kestrel child of <see cref="FloorBench"/>; hidden, not meant to be run by hand.</summary>
internal static class FloorServerCommand
{
    public const string Name = "floor-server";

    public static Command Create()
    {
        var port = CommonOptions.Positive(new Option<int>("--port") { Description = "Loopback port to listen on.", Required = true });
        var command = new Command(Name, "Bare Kestrel holding requests open (the floor push-bench compares a parked Ping with).") { port };
        command.Hidden = true;
        command.SetAction((result, token) => FloorServer.RunAsync(result.GetValue(port), token));
        return command;
    }
}
