using Spectre.Console;

namespace Eas.Host.Cli;

/// <summary>
/// A Spectre console over the writer a subcommand was given (<c>InvocationConfiguration.Output</c>): the
/// terminal's colours and width on the real console, plain and 200 columns wide anywhere else (a pipe, a
/// file, a test), so tables stay readable and greppable.
/// </summary>
internal static class CliConsole
{
    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 200;
        return console;
    }
}
