using Spectre.Console;

namespace Eas.Load.Cli;

/// <summary>
/// When the output goes to a file or a pipe (a CI log, an issue note), Spectre would still colour it and wrap
/// tables at 80 columns; there it writes plain text, wide enough for the tables, and progress only as lines.
/// </summary>
internal static class ConsoleSetup
{
    private const int RedirectedWidth = 400;

    public static void Apply()
    {
        if (!Console.IsOutputRedirected) return;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        AnsiConsole.Profile.Width = RedirectedWidth;
    }
}
