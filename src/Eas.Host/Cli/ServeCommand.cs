namespace Eas.Host.Cli;

/// <summary>
/// The binary with no subcommand: serves with every argument as configuration. A listen address that cannot be bound
/// ends it with one line on standard error and exit code 1, before anything else starts.
/// </summary>
internal static class ServeCommand
{
    public const int CannotListen = 1;

    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        var app = ServerHost.Build(args);
        var urls = app.Configuration["urls"] is { Length: > 0 } configured ? configured : "http://localhost:5000";
        if (ListenCheck.Problem(urls, "--urls") is { } problem)
        {
            await error.WriteLineAsync(problem);
            await app.DisposeAsync();
            return CannotListen;
        }

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e) when (ListenCheck.Describe(e, urls, "--urls") is { } line)
        {
            await error.WriteLineAsync(line);
            return CannotListen;
        }
    }
}
