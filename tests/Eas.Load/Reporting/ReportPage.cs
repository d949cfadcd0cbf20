using System.Net;
using System.Text;

namespace Eas.Load.Reporting;

/// <summary>One chart of a report: its file name in the report folder and what it shows.</summary>
internal sealed record Figure(string File, string Caption);

/// <summary>
/// The pages of a report folder: <c>report.md</c> and <c>index.html</c>, each with the title, the notes, every figure
/// embedded by its file name (relative, so the folder can be moved or attached as it is) under its caption, and the
/// text tables of the run as printed, which are also in <c>report.txt</c>.
/// </summary>
internal static class ReportPage
{
    public const string TextFile = "report.txt";
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "index.html";

    public static string Markdown(string title, IReadOnlyList<string> notes, IReadOnlyList<Figure> figures, string text)
    {
        var page = new StringBuilder().Append("# ").AppendLine(title).AppendLine();
        foreach (var note in notes) page.Append("- ").AppendLine(note);
        if (notes.Count > 0) page.AppendLine();
        foreach (var figure in figures)
        {
            page.Append("## ").AppendLine(figure.Caption).AppendLine();
            page.Append("![").Append(figure.Caption).Append("](").Append(Uri.EscapeDataString(figure.File)).AppendLine(")").AppendLine();
        }

        page.Append("## Tables (as printed, also in ").Append(TextFile).AppendLine(")").AppendLine();
        page.AppendLine("```").AppendLine(text.TrimEnd()).AppendLine("```");
        return page.ToString();
    }

    public static string Html(string title, IReadOnlyList<string> notes, IReadOnlyList<Figure> figures, string text)
    {
        var page = new StringBuilder()
            .AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).AppendLine("</title>")
            .AppendLine("<style>body{font-family:sans-serif;max-width:960px;margin:1em auto}img{max-width:100%}pre{font-size:12px;overflow-x:auto}</style>")
            .AppendLine("</head><body>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).AppendLine("</h1>");
        if (notes.Count > 0)
        {
            page.AppendLine("<ul>");
            foreach (var note in notes) page.Append("<li>").Append(WebUtility.HtmlEncode(note)).AppendLine("</li>");
            page.AppendLine("</ul>");
        }

        foreach (var figure in figures)
        {
            var caption = WebUtility.HtmlEncode(figure.Caption);
            page.Append("<figure><img src=\"").Append(Uri.EscapeDataString(figure.File)).Append("\" alt=\"").Append(caption).Append("\">")
                .Append("<figcaption>").Append(caption).AppendLine("</figcaption></figure>");
        }

        page.Append("<h2>Tables</h2><pre>").Append(WebUtility.HtmlEncode(text.TrimEnd())).AppendLine("</pre>");
        return page.AppendLine("</body></html>").ToString();
    }
}
