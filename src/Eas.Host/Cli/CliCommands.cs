using System.CommandLine;

namespace Eas.Host.Cli;

/// <summary>
/// The host binary's subcommands (<c>demo</c>, <c>wbxml</c>). With no subcommand the binary serves, and
/// every argument goes to ASP.NET's configuration (<c>--urls</c>, <c>--Eas:Imap:Port=143</c>).
/// </summary>
internal static class CliCommands
{
    private static readonly string[] Names = ["demo", "wbxml"];

    public static bool IsSubcommand(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("EAS push server: Exchange ActiveSync in front of an IMAP server.")
        {
            DemoCommand.Create(),
            WbxmlCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
