using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Eas.Host.Cli;

/// <summary>
/// The host binary's subcommands (<c>demo</c>, <c>wbxml</c>, <c>admin</c>, <c>top</c>, <c>import-state</c>). With no subcommand the binary serves, and
/// every argument goes to ASP.NET's configuration (<c>--urls</c>, <c>--Eas:Imap:Port=143</c>).
/// </summary>
internal static class CliCommands
{
    /// <summary>The subcommands, and the root's help and version, which would otherwise start a server.</summary>
    private static readonly string[] Names = ["demo", "wbxml", "admin", "top", "import-state", "--help", "-h", "-?", "--version"];

    public static bool IsSubcommand(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>
    /// Runs a subcommand writing to <paramref name="output"/> and <paramref name="error"/> (tests pass their own, and
    /// a <paramref name="handler"/> that answers the admin API instead of the network). A command line that does not
    /// parse runs nothing: one line on <paramref name="error"/> says what is wrong and where the help is, exit code 2.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null)
    {
        var root = new RootCommand("EAS push server: Exchange ActiveSync in front of an IMAP server.")
        {
            DemoCommand.Create(),
            WbxmlCommand.Create(),
            AdminCommand.Create(handler),
            TopCommand.Create(handler),
            ImportStateCommand.Create(),
        };
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            await error.WriteLineAsync($"{parsed.Errors[0].Message} See '{PathOf(parsed.CommandResult)} --help'.");
            return AdminApiException.BadInputExitCode;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>The command as typed, from the binary's name: <c>eas-server admin rules set</c>.</summary>
    private static string PathOf(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? at = command; at is CommandResult result; at = result.Parent)
            names.Insert(0, result.Parent is null ? BinaryName : result.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>The name the binary is installed under, as the help and the docs show it.</summary>
    private const string BinaryName = "eas-server";
}
