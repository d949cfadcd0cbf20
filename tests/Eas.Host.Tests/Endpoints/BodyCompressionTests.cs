using Eas.Host.Endpoints;
using Microsoft.Extensions.Primitives;

namespace Eas.Host.Tests.Endpoints;

/// <summary>When a body goes out gzip (MS-ASHTTP 2.2.2.1.2 Content-Encoding; RFC 9110 12.5.3 Accept-Encoding).</summary>
public sealed class BodyCompressionTests
{
    [Theory]
    [InlineData("gzip", true)]
    [InlineData("deflate, GZIP", true)]
    [InlineData("gzip;q=0.5", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("gzip; q=0.0, identity", false)]
    [InlineData("deflate, br", false)]
    [InlineData("", false)]
    public void Accept_Encoding_names_gzip_or_star_with_a_weight_above_zero(string header, bool accepted) =>
        BodyCompression.AcceptsGzip(new StringValues(header)).ShouldBe(accepted);

    [Fact]
    public void An_empty_body_or_one_below_the_minimum_is_never_compressed()
    {
        var policy = new BodyCompression(Gzip: true, MinBytes: 1024);

        policy.Applies(0).ShouldBeFalse();
        policy.Applies(1023).ShouldBeFalse();
        policy.Applies(1024).ShouldBeTrue();
        BodyCompression.None.Applies(1_000_000).ShouldBeFalse();
    }
}
