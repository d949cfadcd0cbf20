using Eas.Wire.Http;

namespace Eas.Wire.Tests.Http;

public class RequestLineErrorTests
{
    private const string Ok = "Cmd=Sync&User=a&DeviceId=A1&DeviceType=T";
    private const string Version = "MS-ASProtocolVersion: 14.1";

    /// <summary>Reason, field the exception names, query, headers as "Name: value".</summary>
    public static TheoryData<EasRequestErrorReason, string, string?, string[]> Cases { get; } = new()
    {
        { EasRequestErrorReason.MissingQuery, "query", null, [Version] },
        { EasRequestErrorReason.MissingQuery, "query", "", [Version] },
        { EasRequestErrorReason.MissingQuery, "query", "?", [Version] },
        { EasRequestErrorReason.QueryTooLong, "query", Ok + "&ItemId=" + new string('x', 4096), [Version] },
        { EasRequestErrorReason.MalformedQuery, "DeviceType", "Cmd=Sync&DeviceId=A1&DeviceType", [Version] },
        { EasRequestErrorReason.DuplicateParameter, "Cmd", Ok + "&cmd=Ping", [Version] },
        { EasRequestErrorReason.DuplicateParameter, "DeviceId", Ok + "&DeviceId=A1", [Version] },
        { EasRequestErrorReason.DuplicateParameter, "User", B64(b => b.Parameter(EasCommandParameter.User, "a").Parameter(EasCommandParameter.User, "b")), [] },
        { EasRequestErrorReason.InvalidBase64, "query", "jAAJ*AAA", [] },
        { EasRequestErrorReason.InvalidBase64, "query", "jAAJB", [] },
        { EasRequestErrorReason.InvalidBase64, "query", "jA%3D%3DAA", [] },
        { EasRequestErrorReason.InvalidBase64, "query", "jAAJBA===", [] },
        { EasRequestErrorReason.TruncatedBase64, "Locale", Convert.ToBase64String([141, 0, 9]), [] },
        { EasRequestErrorReason.TruncatedBase64, "Device ID", Convert.ToBase64String([141, 0, 9, 4, 10, 65, 66, 67]), [] },
        { EasRequestErrorReason.TruncatedBase64, "Device type length", Base64QueryBuilder.Start(141, 0, 0).DeviceId("A").PolicyKey(null).Build(), [] },
        { EasRequestErrorReason.TruncatedBase64, "User length", B64(b => b.Raw(8)), [] },
        { EasRequestErrorReason.TruncatedBase64, "ItemId", B64(b => b.Raw(3, 5, 65)), [] },
        { EasRequestErrorReason.MissingCommand, "Cmd", "User=a&DeviceId=A1&DeviceType=T", [Version] },
        { EasRequestErrorReason.UnknownCommand, "Cmd", "Cmd=GetHierarchy&DeviceId=A1&DeviceType=T", [Version] },
        { EasRequestErrorReason.UnknownCommand, "Cmd", "Cmd=0&DeviceId=A1&DeviceType=T", [Version] },
        { EasRequestErrorReason.UnknownCommand, "Cmd", "Cmd=Sync%00&DeviceId=A1&DeviceType=T", [Version] },
        { EasRequestErrorReason.UnknownCommand, "Command code", Base64QueryBuilder.Start(141, 5, 0).DeviceId("A").PolicyKey(null).DeviceType("T").Build(), [] },
        { EasRequestErrorReason.MissingDeviceId, "DeviceId", "Cmd=Sync&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidDeviceId, "DeviceId", "Cmd=Sync&DeviceId=" + new string('a', 33) + "&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidDeviceId, "DeviceId", "Cmd=Sync&DeviceId=abc.def&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidDeviceId, "DeviceId", "Cmd=Sync&DeviceId=abc%2Fdef&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidDeviceId, "DeviceId", "Cmd=Sync&DeviceId=abc+def&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidDeviceId, "DeviceId", "Cmd=Sync&DeviceId=abc%2Cdef&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidDeviceId, "DeviceId", "Cmd=Sync&DeviceId=&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidDeviceId, "DeviceId", Base64QueryBuilder.Start(141, 0, 0).DeviceId([]).PolicyKey(null).DeviceType("T").Build(), [] },
        { EasRequestErrorReason.InvalidDeviceId, "DeviceId", Base64QueryBuilder.Start(141, 0, 0).DeviceId(new byte[17]).PolicyKey(null).DeviceType("T").Build(), [] },
        { EasRequestErrorReason.MissingDeviceType, "DeviceType", "Cmd=Sync&DeviceId=A1", [Version] },
        { EasRequestErrorReason.InvalidDeviceType, "DeviceType", "Cmd=Sync&DeviceId=A1&DeviceType=%07x", [Version] },
        { EasRequestErrorReason.InvalidDeviceType, "DeviceType", "Cmd=Sync&DeviceId=A1&DeviceType=" + new string('t', 256), [Version] },
        { EasRequestErrorReason.InvalidDeviceType, "DeviceType", Base64QueryBuilder.Start(141, 0, 0).DeviceId("A").PolicyKey(null).DeviceType("").Build(), [] },
        { EasRequestErrorReason.InvalidDeviceType, "DeviceType", Base64QueryBuilder.Start(141, 0, 0).DeviceId("A").PolicyKey(null).Raw(2, 0xC3, 0x28).Build(), [] },
        { EasRequestErrorReason.MissingProtocolVersion, "MS-ASProtocolVersion", Ok, [] },
        { EasRequestErrorReason.MissingProtocolVersion, "MS-ASProtocolVersion", Ok, ["MS-ASProtocolVersion:  "] },
        { EasRequestErrorReason.UnsupportedProtocolVersion, "MS-ASProtocolVersion", Ok, ["MS-ASProtocolVersion: 13.0"] },
        { EasRequestErrorReason.UnsupportedProtocolVersion, "MS-ASProtocolVersion", Ok, ["MS-ASProtocolVersion: 14.1,14.1"] },
        { EasRequestErrorReason.UnsupportedProtocolVersion, "Protocol version", Base64QueryBuilder.Start(130, 0, 0).DeviceId("A").PolicyKey(null).DeviceType("T").Build(), [] },
        { EasRequestErrorReason.Base64NotAllowedForVersion, "Protocol version", Base64QueryBuilder.Start(25, 0, 0).DeviceId("A").PolicyKey(null).DeviceType("T").Build(), [] },
        { EasRequestErrorReason.Base64NotAllowedForVersion, "Protocol version", Base64QueryBuilder.Start(120, 0, 0).DeviceId("A").PolicyKey(null).DeviceType("T").Build(), [] },
        { EasRequestErrorReason.InvalidPolicyKey, "X-MS-PolicyKey", Ok, [Version, "X-MS-PolicyKey: -1"] },
        { EasRequestErrorReason.InvalidPolicyKey, "X-MS-PolicyKey", Ok, [Version, "X-MS-PolicyKey: 4294967296"] },
        { EasRequestErrorReason.InvalidPolicyKey, "X-MS-PolicyKey", Ok, [Version, "X-MS-PolicyKey: 0x10"] },
        { EasRequestErrorReason.InvalidPolicyKey, "X-MS-PolicyKey", Ok, [Version, "X-MS-PolicyKey: 1 2"] },
        { EasRequestErrorReason.InvalidPolicyKey, "Policy key", Base64QueryBuilder.Start(141, 0, 0).DeviceId("A").Raw(3, 1, 2, 3).DeviceType("T").Build(), [] },
        { EasRequestErrorReason.InvalidSaveInSent, "SaveInSent", Ok + "&SaveInSent=Y", [Version] },
        { EasRequestErrorReason.InvalidSaveInSent, "SaveInSent", Ok + "&SaveInSent=TRUE", [Version] },
        { EasRequestErrorReason.InvalidSaveInSent, "SaveInSent", Ok + "&SaveInSent=", [Version] },
        { EasRequestErrorReason.InvalidAcceptMultiPart, "MS-ASAcceptMultiPart", Ok, [Version, "MS-ASAcceptMultiPart: yes"] },
        { EasRequestErrorReason.InvalidOptions, "Options", B64(b => b.Parameter(7, [1, 2])), [] },
        { EasRequestErrorReason.InvalidOptions, "Options", B64(b => b.Parameter(7, [])), [] },
        { EasRequestErrorReason.InvalidParameterValue, "User", "Cmd=Sync&User=&DeviceId=A1&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidParameterValue, "User", "Cmd=Sync&User=a b&DeviceId=A1&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidParameterValue, "User", "Cmd=Sync&User=é&DeviceId=A1&DeviceType=T", [Version] },
        { EasRequestErrorReason.InvalidParameterValue, "ItemId", Ok + "&ItemId=5%0A1", [Version] },
        { EasRequestErrorReason.InvalidParameterValue, "ItemId", B64(b => b.Parameter(3, [0xFF])), [] },
        { EasRequestErrorReason.InvalidParameterValue, "AttachmentName", B64(b => b.Parameter(0, [0x41, 0x09])), [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_request_lines_are_refused_with_reason_and_field(
        EasRequestErrorReason reason, string field, string? query, string[] headers)
    {
        var error = Should.Throw<EasRequestException>(() => EasRequestLineParser.Parse(query, Headers(headers)));

        error.Reason.ShouldBe(reason);
        error.Field.ShouldBe(field);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Every_reason_has_a_case()
    {
        var covered = Cases.Select(row => (EasRequestErrorReason)row[0]).Distinct();
        covered.ShouldBe(Enum.GetValues<EasRequestErrorReason>(), ignoreOrder: true);
    }

    [Fact]
    public void Messages_quote_input_short_and_printable()
    {
        var headers = TestHeaders.Version("14.1", ("X-MS-PolicyKey", "1\r\nInjected: " + new string('Q', 200)));

        var error = Should.Throw<EasRequestException>(() => EasRequestLineParser.Parse(Ok, headers));

        error.Message.ShouldContain("'1??Injected: QQQ");
        error.Message.ShouldContain("…");
        error.Message.Length.ShouldBeLessThan(150);
        error.Message.ShouldNotContain("\r");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Query_of_exactly_the_limit_is_read()
    {
        var query = Ok + "&ItemId=" + new string('x', EasRequestLineParser.MaxQueryLength - Ok.Length - "&ItemId=".Length);
        query.Length.ShouldBe(EasRequestLineParser.MaxQueryLength);

        EasRequestLineParser.Parse("?" + query, Headers([Version])).ItemId!.Length.ShouldBeGreaterThan(4000);
    }

    private static string B64(Func<Base64QueryBuilder, Base64QueryBuilder> parameters) =>
        parameters(Base64QueryBuilder.Start(141, 0, 0x0409).DeviceId("A1").PolicyKey(null).DeviceType("T")).Build();

    private static IReadOnlyDictionary<string, string?> Headers(string[] lines) =>
        TestHeaders.Of([.. lines.Select(l => (l[..l.IndexOf(':')], (string?)l[(l.IndexOf(':') + 1)..].TrimStart(' ')))]);
}
