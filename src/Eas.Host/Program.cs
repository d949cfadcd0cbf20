using Eas.Host;
using Eas.Host.Cli;

if (CliCommands.IsSubcommand(args)) return await CliCommands.RunAsync(args);

await ServerHost.Build(args).RunAsync();
return 0;
