using Eas.Load.Reporting;

namespace Eas.Load.Tests.Reporting;

public class ReportPageTests
{
    private static readonly Figure[] Figures = [new("push-latency-histogram.png", "Push latency"), new("rss.png", "Server RSS")];

    [Fact]
    public void The_markdown_page_embeds_every_figure_by_its_relative_name_in_order_and_ends_with_the_tables()
    {
        var page = ReportPage.Markdown("fanout-bench", ["a note"], Figures, "table text\n");

        page.ShouldStartWith("# fanout-bench");
        page.ShouldContain("- a note");
        page.IndexOf("![Push latency](push-latency-histogram.png)", StringComparison.Ordinal)
            .ShouldBeLessThan(page.IndexOf("![Server RSS](rss.png)", StringComparison.Ordinal));
        page.ShouldContain("```\ntable text\n```");
    }

    [Fact]
    public void The_html_page_embeds_the_figures_and_encodes_the_text()
    {
        var page = ReportPage.Html("demo <bench>", [], Figures, "p99 < 1 s & \"ok\"");

        page.ShouldContain("<title>demo &lt;bench&gt;</title>");
        page.ShouldContain("<img src=\"rss.png\" alt=\"Server RSS\">");
        page.ShouldContain("<pre>p99 &lt; 1 s &amp; &quot;ok&quot;</pre>");
        page.ShouldNotContain("<ul>");
    }

    [Fact]
    public void A_file_name_with_a_space_is_escaped_in_the_link()
    {
        var page = ReportPage.Markdown("t", [], [new Figure("a b.png", "c")], "");

        page.ShouldContain("(a%20b.png)");
    }
}
