using Eas.Host.Cli;

namespace Eas.Integration.Tests.Support;

/// <summary>The host binary's subcommands run in-process against a test server, as an operator's shell would.</summary>
internal static class CliRun
{
    public sealed record Result(int Exit, string Output, string Error);

    /// <summary>Runs <c>eas-server ARGS --url SERVER --password ROOTPASSWORD</c>.</summary>
    public static async Task<Result> AdminAsync(ServerInstance server, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliCommands.RunAsync([.. args, "--url", server.Address.ToString(), "--password", AdminClient.RootPassword], output, error);
        return new Result(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs it and expects exit code 0.</summary>
    public static async Task<string> OkAsync(ServerInstance server, params string[] args)
    {
        var result = await AdminAsync(server, args);
        result.Exit.ShouldBe(0, $"eas-server {string.Join(' ', args)}: {result.Error}");
        return result.Output;
    }
}
