using Eas.Wire.Http;

namespace Eas.Wire.Tests.Http;

public class ProtocolVersionTests
{
    [Theory]
    [InlineData("2.5", 25, 2, 5)]
    [InlineData("12.0", 120, 12, 0)]
    [InlineData("12.1", 121, 12, 1)]
    [InlineData("14.0", 140, 14, 0)]
    [InlineData("14.1", 141, 14, 1)]
    [InlineData("16.0", 160, 16, 0)]
    [InlineData("16.1", 161, 16, 1)]
    public void Header_and_byte_forms_name_the_same_version(string text, byte code, int major, int minor)
    {
        var fromText = ProtocolVersion.Parse(text);
        var fromByte = ProtocolVersion.FromByte(code);

        fromText.ShouldBe(fromByte);
        fromText.ToString().ShouldBe(text);
        fromText.ToByte().ShouldBe(code);
        fromText.Major.ShouldBe(major);
        fromText.Minor.ShouldBe(minor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("14")]
    [InlineData("14.2")]
    [InlineData("13.0")]
    [InlineData(" 14.1")]
    [InlineData("14.1,16.0")]
    [InlineData("2.50")]
    public void Unknown_header_forms_are_refused(string text)
    {
        ProtocolVersion.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => ProtocolVersion.Parse(text)).Message.ShouldContain("2.5,12.0,12.1,14.0,14.1,16.0,16.1");
    }

    [Fact]
    public void Null_does_not_parse() => ProtocolVersion.TryParse((string?)null, out _).ShouldBeFalse();

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(142)]
    [InlineData(255)]
    public void Unknown_bytes_are_refused(byte code)
    {
        ProtocolVersion.TryFromByte(code, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => ProtocolVersion.FromByte(code));
    }

    [Fact]
    public void Versions_order_by_release()
    {
        ProtocolVersion.Supported.ShouldBe(ProtocolVersion.Supported.OrderBy(v => v).ToList());
        (ProtocolVersion.V141 >= ProtocolVersion.V140).ShouldBeTrue();
        (ProtocolVersion.V141 >= ProtocolVersion.V141).ShouldBeTrue();
        (ProtocolVersion.V25 < ProtocolVersion.V120).ShouldBeTrue();
        (ProtocolVersion.V161 > ProtocolVersion.V160).ShouldBeTrue();
        (ProtocolVersion.V120 <= ProtocolVersion.V25).ShouldBeFalse();
        (ProtocolVersion.V140 != ProtocolVersion.V141).ShouldBeTrue();
    }

    [Fact]
    public void Supported_list_is_the_MS_ASProtocolVersions_value()
    {
        ProtocolVersion.SupportedHeaderValue.ShouldBe("2.5,12.0,12.1,14.0,14.1,16.0,16.1");
        ProtocolVersion.Supported.Count.ShouldBe(7);
    }

    [Fact]
    public void Only_12_1_and_later_may_use_the_base64_query()
    {
        ProtocolVersion.Supported.Where(v => v.AllowsBase64Query)
            .ShouldBe([ProtocolVersion.V121, ProtocolVersion.V140, ProtocolVersion.V141, ProtocolVersion.V160, ProtocolVersion.V161]);
    }
}
