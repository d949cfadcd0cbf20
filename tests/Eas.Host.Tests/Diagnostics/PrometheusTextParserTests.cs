namespace Eas.Host.Tests.Diagnostics;

/// <summary>The strict parser the other tests rely on must itself refuse what the format does not allow.</summary>
public sealed class PrometheusTextParserTests
{
    private const string Valid = """
        # HELP requests_total Requests, with a \\ and a \n.
        # TYPE requests_total counter
        requests_total{command="Sync",user="a\"b\\c\nd"} 3
        requests_total 1 1700000000000

        # TYPE duration_seconds histogram
        duration_seconds_bucket{le="0.5"} 1
        duration_seconds_bucket{le="+Inf"} 2
        duration_seconds_sum 1.5e0
        duration_seconds_count 2
        # TYPE level gauge
        level -Inf

        """;

    [Fact]
    public void A_valid_scrape_parses_into_families_and_samples()
    {
        var scrape = PrometheusTextParser.Parse(Valid.ReplaceLineEndings("\n"));

        scrape.Families.Keys.ShouldBe(["requests_total", "duration_seconds", "level"], ignoreOrder: true);
        scrape.Families["requests_total"].Help.ShouldBe("Requests, with a \\ and a \n.");
        scrape.Matching("requests_total", ("command", "Sync")).Single().Labels["user"].ShouldBe("a\"b\\c\nd");
        scrape.Sum("requests_total").ShouldBe(4);
        scrape.Single("duration_seconds_sum").ShouldBe(1.5);
        scrape.Single("level").ShouldBe(double.NegativeInfinity);
    }

    [Theory]
    [InlineData("x 1\n", "no TYPE")]
    [InlineData("# TYPE x counter\nx 1", "no final line feed")]
    [InlineData("# TYPE x counter\r\nx 1\r\n", "carriage return")]
    [InlineData("# a remark\n", "other comment")]
    [InlineData("# TYPE x counter\n# TYPE x counter\nx 1\n", "TYPE twice")]
    [InlineData("# TYPE x widget\nx 1\n", "unknown type")]
    [InlineData("# TYPE x counter\nx 1\n# HELP x late\n", "HELP after samples")]
    [InlineData("# TYPE x counter\nx -1\n", "negative counter")]
    [InlineData("# TYPE x gauge\nx one\n", "bad value")]
    [InlineData("# TYPE x gauge\nx{a=\"1\"} 1\nx{a=\"1\"} 2\n", "duplicate series")]
    [InlineData("# TYPE x gauge\n# TYPE y gauge\nx 1\ny 1\nx{a=\"2\"} 1\n", "interleaved families")]
    [InlineData("# TYPE x gauge\nx{1a=\"1\"} 1\n", "label name")]
    [InlineData("# TYPE x gauge\nx{__a=\"1\"} 1\n", "reserved label")]
    [InlineData("# TYPE x gauge\nx{a=\"1\",a=\"2\"} 1\n", "label twice")]
    [InlineData("# TYPE x gauge\nx{a=\"1\",} 1\n", "trailing comma")]
    [InlineData("# TYPE x gauge\nx{a=\"\\t\"} 1\n", "bad escape")]
    [InlineData("# TYPE x gauge\nx{a=1} 1\n", "unquoted")]
    [InlineData("# TYPE x-y gauge\nx-y 1\n", "metric name")]
    [InlineData("# TYPE x gauge\nx{le=\"1\"} 1\n", "le outside a histogram")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n", "no +Inf")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", "not cumulative")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", "le not increasing")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 1\n", "count differs")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\n", "count missing")]
    [InlineData("# TYPE h histogram\nh_sum 2\nh_count 1\n", "no buckets")]
    public void Anything_the_format_does_not_allow_is_refused(string text, string why) =>
        Should.Throw<FormatException>(() => PrometheusTextParser.Parse(text), why);
}
