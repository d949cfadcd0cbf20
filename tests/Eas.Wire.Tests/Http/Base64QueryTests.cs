using Eas.Wire.Http;

namespace Eas.Wire.Tests.Http;

public class Base64QueryTests
{
    private const string SpecExample = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l";

    private static EasRequestLine Parse(string query, IReadOnlyDictionary<string, string?>? headers = null) =>
        EasRequestLineParser.Parse(query, headers ?? TestHeaders.None);

    [Fact]
    public void Spec_example_decodes_field_by_field()
    {
        // MS-ASHTTP 2.2.1.1.1.1: /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l
        var line = Parse(SpecExample);

        line.ShouldBe(new EasRequestLine
        {
            Command = EasCommand.Sync,
            DeviceId = "v140Device",
            DeviceType = "SmartPhone",
            ProtocolVersion = ProtocolVersion.V140,
            Locale = 0x0409,
            Encoding = EasQueryEncoding.Base64,
        });
    }

    [Fact]
    public void Builder_reproduces_the_spec_example_byte_for_byte()
    {
        var built = Base64QueryBuilder.Start(140, 0, 0x0409).DeviceId("v140Device").PolicyKey(null).DeviceType("SmartPhone");

        built.ToBytes().ShouldBe(Convert.FromBase64String(SpecExample));
        built.Build().ShouldBe(SpecExample);
    }

    [Theory]
    [InlineData(121, EasCommand.FolderSync)]
    [InlineData(140, EasCommand.Provision)]
    [InlineData(141, EasCommand.Ping)]
    [InlineData(160, EasCommand.Settings)]
    [InlineData(161, EasCommand.Find)]
    public void Version_and_command_come_from_their_bytes(byte version, EasCommand command)
    {
        var query = Base64QueryBuilder.Start(version, command.ToCode(), 0x0407)
            .DeviceId("Dev1").PolicyKey(null).DeviceType("PPC").Build();

        var line = Parse(query, TestHeaders.Version("2.5"));

        line.ProtocolVersion.ToByte().ShouldBe(version);
        line.Command.ShouldBe(command);
        line.Locale.ShouldBe((ushort)0x0407);
        line.Encoding.ShouldBe(EasQueryEncoding.Base64);
    }

    [Fact]
    public void Policy_key_is_little_endian_and_zero_is_kept()
    {
        var key = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.Sync)
            .DeviceId("D").PolicyKey(0xEB0A_1259).DeviceType("T").Build();
        var zero = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.Sync)
            .DeviceId("D").PolicyKey(0).DeviceType("T").Build();
        var none = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.Sync)
            .DeviceId("D").PolicyKey(null).DeviceType("T").Build();

        Parse(key).PolicyKey.ShouldBe(0xEB0A_1259u);
        Parse(zero).PolicyKey.ShouldBe(0u);
        Parse(none).PolicyKey.ShouldBeNull();
    }

    [Fact]
    public void Empty_policy_key_field_falls_back_to_the_header()
    {
        var none = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.Sync)
            .DeviceId("D").PolicyKey(null).DeviceType("T").Build();
        var five = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.Sync)
            .DeviceId("D").PolicyKey(5).DeviceType("T").Build();
        var header = TestHeaders.Of(("X-MS-PolicyKey", "77"));

        Parse(none, header).PolicyKey.ShouldBe(77u);
        Parse(five, header).PolicyKey.ShouldBe(5u);
    }

    [Fact]
    public void Binary_device_id_is_upper_case_hex()
    {
        var guid = new byte[] { 0x5B, 0x0F, 0x7E, 0x3C, 0x1C, 0x9A, 0x4D, 0x2B, 0x8E, 0x4E, 0x00, 0xFF, 0x10, 0x20, 0x30, 0x40 };
        var query = Base64QueryBuilder.Start(ProtocolVersion.V121, EasCommand.Sync)
            .DeviceId(guid).PolicyKey(null).DeviceType("WindowsMobile").Build();

        Parse(query).DeviceId.ShouldBe("5B0F7E3C1C9A4D2B8E4E00FF10203040");
    }

    [Fact]
    public void A_parameter_tag_outside_the_spec_is_skipped_with_its_value()
    {
        var query = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.Sync)
            .DeviceId("Dev1").PolicyKey(null).DeviceType("SP")
            .Parameter(12, [1, 2, 3])
            .Parameter(EasCommandParameter.User, "mike")
            .Build();

        var line = Parse(query);

        line.User.ShouldBe("mike");
        line.IgnoredParameters.ShouldBe(["command parameter 12"]);
    }

    [Fact]
    public void SmartForward_parameters_and_options()
    {
        var query = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.SmartForward)
            .DeviceId("Dev1").PolicyKey(1).DeviceType("SP")
            .Parameter(EasCommandParameter.CollectionId, "5")
            .Parameter(EasCommandParameter.ItemId, "5:3")
            .Parameter(EasCommandParameter.LongId, "RgAA")
            .Parameter(EasCommandParameter.Occurrence, "2024-01-02T10:00:00.000Z")
            .Parameter(EasCommandParameter.User, "CONTOSO\\bob")
            .Options(EasCommandOptions.SaveInSent)
            .Build();

        var line = Parse(query);

        line.Command.ShouldBe(EasCommand.SmartForward);
        line.CollectionId.ShouldBe("5");
        line.ItemId.ShouldBe("5:3");
        line.LongId.ShouldBe("RgAA");
        line.Occurrence.ShouldBe("2024-01-02T10:00:00.000Z");
        line.User.ShouldBe("CONTOSO\\bob");
        line.SaveInSent.ShouldBeTrue();
        line.AcceptMultiPart.ShouldBeFalse();
    }

    [Fact]
    public void GetAttachment_name_and_legacy_tags()
    {
        var query = Base64QueryBuilder.Start(ProtocolVersion.V121, EasCommand.GetAttachment)
            .DeviceId("Dev1").PolicyKey(null).DeviceType("SP")
            .Parameter(EasCommandParameter.AttachmentName, "5:1:0")
            .Parameter(EasCommandParameter.CollectionName, "Inbox")
            .Parameter(EasCommandParameter.ParentId, "0")
            .Build();

        var line = Parse(query);

        line.AttachmentName.ShouldBe("5:1:0");
        line.CollectionName.ShouldBe("Inbox");
        line.ParentId.ShouldBe("0");
    }

    [Theory]
    [InlineData(EasCommandOptions.None, null, false)]
    [InlineData(EasCommandOptions.AcceptMultiPart, null, true)]
    [InlineData(EasCommandOptions.None, "T", true)]
    [InlineData((EasCommandOptions)0xFC, null, false)]
    public void AcceptMultiPart_from_the_option_bit_or_the_header(EasCommandOptions options, string? header, bool expected)
    {
        var query = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.ItemOperations)
            .DeviceId("Dev1").PolicyKey(null).DeviceType("SP").Options(options).Build();

        var line = Parse(query, TestHeaders.Of(("MS-ASAcceptMultiPart", header)));

        line.AcceptMultiPart.ShouldBe(expected);
        line.SaveInSent.ShouldBeFalse();
    }

    [Fact]
    public void Zero_length_parameter_is_absent()
    {
        var query = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.Sync)
            .DeviceId("D").PolicyKey(null).DeviceType("T").Parameter((byte)EasCommandParameter.User, []).Build();

        Parse(query).User.ShouldBeNull();
    }

    [Fact]
    public void Protocol_version_header_is_ignored() =>
        Parse(SpecExample, TestHeaders.Version("16.1")).ProtocolVersion.ShouldBe(ProtocolVersion.V140);

    [Fact]
    public void User_agent_comes_from_its_header() =>
        Parse(SpecExample, TestHeaders.Of(("User-Agent", "Outlook-iOS/2.0"))).UserAgent.ShouldBe("Outlook-iOS/2.0");

    [Theory]
    [InlineData("%2B", "+")]
    [InlineData("%2F", "/")]
    [InlineData(" ", "+")]
    [InlineData("-", "+")]
    [InlineData("_", "/")]
    public void Token_may_be_percent_encoded_or_url_safe(string sent, string standard)
    {
        var query = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.Sync)
            .DeviceId("D").PolicyKey(0x3EFB_FFFB).DeviceType("T").Build();
        query.ShouldContain(standard);

        Parse(query.Replace(standard, sent)).PolicyKey.ShouldBe(0x3EFB_FFFBu);
    }

    [Fact]
    public void Missing_padding_is_restored_and_encoded_padding_is_read()
    {
        var query = Base64QueryBuilder.Start(ProtocolVersion.V141, EasCommand.Sync)
            .DeviceId("D").PolicyKey(null).DeviceType("T1").Build();
        query.ShouldEndWith("=");

        Parse(query.TrimEnd('=')).DeviceType.ShouldBe("T1");
        Parse(query.Replace("=", "%3D")).DeviceType.ShouldBe("T1");
    }
}
