using Eas.Host.Cli;

if (CliCommands.IsSubcommand(args)) return await CliCommands.RunAsync(args);

return await ServeCommand.RunAsync(args, Console.Error);
