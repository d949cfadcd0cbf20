using System.Globalization;
using Spectre.Console;

namespace Eas.Load.Reporting;

/// <summary>
/// The report folder of one run (<c>--report DIR</c>, by default <c>&lt;temp&gt;/eas-load-reports/COMMAND-yyyyMMdd-HHmmss</c>,
/// outside the run's work directory, which is removed at the end): the text tables as the console showed them
/// (recorded from <see cref="StartText"/> on, in <c>report.txt</c>), the charts as PNG files, and <c>report.md</c> and
/// <c>index.html</c> that embed them (<see cref="ReportPage"/>). A chart that cannot be drawn (the native SkiaSharp
/// library missing) is a note in the report, not a failed run.
/// </summary>
internal sealed class RunReport
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];
    private bool _recording;

    private RunReport(string directory) => Directory = directory;

    public string Directory { get; }

    public IReadOnlyList<Figure> Figures => _figures;

    public static RunReport Create(string? directory, string command)
    {
        var path = Path.GetFullPath(directory ?? Path.Combine(Path.GetTempPath(), "eas-load-reports",
            command + "-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        System.IO.Directory.CreateDirectory(path);
        return new RunReport(path);
    }

    /// <summary>From now on, what the console shows is also kept for <c>report.txt</c>.</summary>
    public void StartText()
    {
        if (_recording) return;
        AnsiConsole.Record();
        _recording = true;
    }

    public void Note(string note) => _notes.Add(note);

    /// <summary>Draws one chart into <paramref name="file"/> of the folder; a failure to draw becomes a note.</summary>
    public void Draw(string file, string caption, Action<string> draw)
    {
        try
        {
            draw(Path.Combine(Directory, file));
            _figures.Add(new Figure(file, caption));
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or IOException or ArgumentException or InvalidOperationException)
        {
            _notes.Add($"{file} not drawn: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Writes raw figures as a CSV file into the folder (one row a line under <paramref name="header"/>), named in the notes.</summary>
    public void Data(string file, string header, IEnumerable<string> rows)
    {
        File.WriteAllLines(Path.Combine(Directory, file), [header, .. rows]);
        _notes.Add($"Raw figures: {file}");
    }

    /// <summary>Writes the text and both pages, and prints where they are; <paramref name="lines"/> are added to the text (lines written past the recorder).</summary>
    public void Write(string title, params string[] lines)
    {
        var text = (_recording ? AnsiConsole.ExportText() : "") + string.Join(Environment.NewLine, lines) + Environment.NewLine;
        File.WriteAllText(Path.Combine(Directory, ReportPage.TextFile), text);
        File.WriteAllText(Path.Combine(Directory, ReportPage.MarkdownFile), ReportPage.Markdown(title, _notes, _figures, text));
        File.WriteAllText(Path.Combine(Directory, ReportPage.HtmlFile), ReportPage.Html(title, _notes, _figures, text));
        AnsiConsole.Profile.Out.Writer.WriteLine($"Report: {Path.Combine(Directory, ReportPage.HtmlFile)} ({_figures.Count} charts: {string.Join(", ", _figures.Select(f => f.File))})");
    }
}
