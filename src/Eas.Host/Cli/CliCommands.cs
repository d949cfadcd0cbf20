using System.CommandLine;

namespace Eas.Host.Cli;

/// <summary>
/// The host binary's subcommands (<c>demo</c>, <c>wbxml</c>, <c>admin</c>, <c>top</c>). With no subcommand the binary serves, and
/// every argument goes to ASP.NET's configuration (<c>--urls</c>, <c>--Eas:Imap:Port=143</c>).
/// </summary>
internal static class CliCommands
{
    /// <summary>The subcommands, and the root's help and version, which would otherwise start a server.</summary>
    private static readonly string[] Names = ["demo", "wbxml", "admin", "top", "--help", "-h", "-?", "--version"];

    public static bool IsSubcommand(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs a subcommand writing to <paramref name="output"/> and <paramref name="error"/> (tests pass their own).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("EAS push server: Exchange ActiveSync in front of an IMAP server.")
        {
            DemoCommand.Create(),
            WbxmlCommand.Create(),
            AdminCommand.Create(),
            TopCommand.Create(),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
