using Eas.Host.Cli;
using Eas.Host.Limits;

// First, before any subcommand: `serve`, the quick start's `demo` and the tools alike (docs/ARCHITECTURE.md "Runtime settings").
NativeHeap.CapArenas(NativeHeap.ArenasFor(Environment.ProcessorCount));

if (CliCommands.IsSubcommand(args)) return await CliCommands.RunAsync(args);

return await ServeCommand.RunAsync(args, Console.Error);
