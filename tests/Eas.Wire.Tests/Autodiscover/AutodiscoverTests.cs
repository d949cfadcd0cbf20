using System.Text;
using System.Xml.Linq;
using Eas.Wire.Autodiscover;

namespace Eas.Wire.Tests.Autodiscover;

/// <summary>The mobilesync Autodiscover request reader and response writer against MS-ASCMD 2.2.1.1 and its examples (4.2).</summary>
public sealed class AutodiscoverTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly XNamespace Outer = AutodiscoverSchemas.Response;
    private static readonly XNamespace MobileSync = AutodiscoverSchemas.MobileSyncResponse;

    /// <summary>The request as the spec's example and phones send it.</summary>
    private const string SpecRequest = """
        <?xml version="1.0" encoding="utf-8"?>
        <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">
          <Request>
            <EMailAddress>chris@woodgrovebank.com</EMailAddress>
            <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema>
          </Request>
        </Autodiscover>
        """;

    private static AutodiscoverRequest Read(string xml) => AutodiscoverRequest.Read(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void MS_ASCMD_2_2_1_1_the_specs_request_is_read()
    {
        var request = Read(SpecRequest);

        request.EmailAddress.ShouldBe("chris@woodgrovebank.com");
        request.WantsMobileSync.ShouldBeTrue();
    }

    [Fact]
    public void MS_ASCMD_2_2_3_1_another_response_schema_is_read_but_not_wanted()
    {
        var outlook = SpecRequest.Replace("mobilesync/requestschema", "outlook/requestschema", StringComparison.Ordinal)
            .Replace("mobilesync/responseschema", "outlook/responseschema/2006a", StringComparison.Ordinal);

        Read(outlook).WantsMobileSync.ShouldBeFalse();
    }

    [Theory]
    [InlineData("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006\"><Request><EMailAddress>a@b.c</EMailAddress><AcceptableResponseSchema>x</AcceptableResponseSchema></Request><Request/></Autodiscover>")]
    [InlineData("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006\"><Request><AcceptableResponseSchema>x</AcceptableResponseSchema></Request></Autodiscover>")]
    [InlineData("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006\"><Request><EMailAddress>a@b.c</EMailAddress></Request></Autodiscover>")]
    [InlineData("<Other><Request/></Other>")]
    [InlineData("<Autodiscover><Request><EMailAddress>a@b.c")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"boom\">]><Autodiscover><Request><EMailAddress>&e;</EMailAddress></Request></Autodiscover>")]
    [InlineData("not xml at all")]
    public void MS_ASCMD_2_2_3_64_a_request_that_is_not_one_is_a_format_error_answered_600(string xml) =>
        Should.Throw<AutodiscoverFormatException>(() => Read(xml));

    [Fact]
    public void An_oversized_request_is_refused_before_it_is_parsed() =>
        Should.Throw<AutodiscoverFormatException>(() => AutodiscoverRequest.Read(new byte[AutodiscoverRequest.MaxBytes + 1]));

    [Fact]
    public void MS_ASCMD_4_2_4_the_settings_response_has_the_specs_shape()
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(AutodiscoverResponse.Settings("Chris Gray", "chris@woodgrovebank.com", "https://loandept.woodgrovebank.com/Microsoft-Server-ActiveSync").ToXml(Noon)));

        var root = xml.Root!;
        root.Name.ShouldBe(Outer + "Autodiscover");
        var response = root.Element(MobileSync + "Response")!;
        response.Element(MobileSync + "Culture")!.Value.ShouldBe("en:us");
        response.Element(MobileSync + "User")!.Element(MobileSync + "DisplayName")!.Value.ShouldBe("Chris Gray");
        response.Element(MobileSync + "User")!.Element(MobileSync + "EMailAddress")!.Value.ShouldBe("chris@woodgrovebank.com");
        var server = response.Element(MobileSync + "Action")!.Element(MobileSync + "Settings")!.Element(MobileSync + "Server")!;
        server.Element(MobileSync + "Type")!.Value.ShouldBe("MobileSync");
        server.Element(MobileSync + "Url")!.Value.ShouldBe("https://loandept.woodgrovebank.com/Microsoft-Server-ActiveSync");
        server.Element(MobileSync + "Name")!.Value.ShouldBe("https://loandept.woodgrovebank.com/Microsoft-Server-ActiveSync");
        response.Elements().Select(e => e.Name.LocalName).ShouldBe(["Culture", "User", "Action"]);
    }

    [Theory]
    [InlineData(AutodiscoverErrorCode.InvalidRequest, "600")]
    [InlineData(AutodiscoverErrorCode.ProviderNotFound, "601")]
    public void MS_ASCMD_2_2_3_64_an_error_response_carries_its_code_and_message(AutodiscoverErrorCode code, string number)
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(AutodiscoverResponse.Failed(code, "Invalid Request").ToXml(Noon)));

        var error = xml.Root!.Element(MobileSync + "Response")!.Element(MobileSync + "Error")!;
        error.Element(MobileSync + "ErrorCode")!.Value.ShouldBe(number);
        error.Element(MobileSync + "Message")!.Value.ShouldBe("Invalid Request");
        error.Attribute("Time").ShouldNotBeNull();
    }

    [Fact]
    public void Markup_in_a_display_name_is_escaped_not_emitted()
    {
        var text = Encoding.UTF8.GetString(AutodiscoverResponse.Settings("<b>Chris</b> & co", "c@w.com", "https://h/Microsoft-Server-ActiveSync").ToXml(Noon));

        text.ShouldContain("&lt;b&gt;Chris&lt;/b&gt; &amp; co");
        XDocument.Parse(text).Descendants(MobileSync + "DisplayName").Single().Value.ShouldBe("<b>Chris</b> & co");
    }
}
