using Eas.Wire.Http;

namespace Eas.Wire.Tests.Http;

public class PlainQueryTests
{
    private const string Base = "Cmd=Sync&User=alice&DeviceId=ApplF17ABCDEF&DeviceType=iPhone";

    private static EasRequestLine Parse(string query, IReadOnlyDictionary<string, string?>? headers = null) =>
        EasRequestLineParser.Parse(query, headers ?? TestHeaders.Version("14.1"));

    [Fact]
    public void Spec_example_FolderSync_request()
    {
        // MS-ASHTTP 4.1.
        var line = EasRequestLineParser.Parse(
            "Cmd=FolderSync&User=fakename&DeviceId=v140Device&DeviceType=SmartPhone",
            TestHeaders.Version("14.0", ("User-Agent", "ASOM")));

        line.ShouldBe(new EasRequestLine
        {
            Command = EasCommand.FolderSync,
            User = "fakename",
            DeviceId = "v140Device",
            DeviceType = "SmartPhone",
            ProtocolVersion = ProtocolVersion.V140,
            UserAgent = "ASOM",
            Encoding = EasQueryEncoding.Plain,
        });
    }

    [Fact]
    public void Leading_question_mark_is_skipped() =>
        EasRequestLineParser.Parse("?" + Base, TestHeaders.Version("14.1")).Command.ShouldBe(EasCommand.Sync);

    [Fact]
    public void Parameter_order_is_free_as_iOS_sends_Cmd_last()
    {
        var line = Parse("User=bob%40example.com&DeviceId=ApplDNPX1234&DeviceType=iPhone&Cmd=Ping");

        line.Command.ShouldBe(EasCommand.Ping);
        line.User.ShouldBe("bob@example.com");
        line.DeviceId.ShouldBe("ApplDNPX1234");
    }

    [Fact]
    public void Parameter_names_and_Cmd_ignore_case()
    {
        var line = Parse("cmd=foldersync&user=a&deviceid=X1&DEVICETYPE=Android");

        line.Command.ShouldBe(EasCommand.FolderSync);
        line.DeviceType.ShouldBe("Android");
    }

    [Fact]
    public void Parameters_outside_the_spec_are_skipped_and_reported_as_Exchange_skips_them()
    {
        var line = Parse(Base + "&PolicyKey=0&Protocol=14.1&x-client=Foo");

        line.Command.ShouldBe(EasCommand.Sync);
        line.DeviceId.ShouldBe("ApplF17ABCDEF");
        line.IgnoredParameters.ShouldBe(["PolicyKey", "Protocol", "x-client"]);
        Parse(Base).IgnoredParameters.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("android-1a2b3c4d")]
    [InlineData("SEC_1234_abcd")]
    [InlineData("BB-10-ABCDEF0123456789ABCDEF0123")]
    public void DeviceIds_with_hyphens_and_underscores_as_phones_send_them_are_accepted(string deviceId) =>
        Parse($"Cmd=Sync&DeviceId={deviceId}&DeviceType=T").DeviceId.ShouldBe(deviceId);

    [Fact]
    public void User_is_optional() => Parse("Cmd=Sync&DeviceId=A1&DeviceType=T").User.ShouldBeNull();

    [Fact]
    public void Values_are_percent_decoded_with_plus_as_space()
    {
        var line = Parse("Cmd=GetAttachment&User=CONTOSO%5Calice&DeviceId=A1&DeviceType=My+Phone"
                         + "&AttachmentName=5%3A1%3A0+report%C3%A9.pdf");

        line.User.ShouldBe(@"CONTOSO\alice");
        line.DeviceType.ShouldBe("My Phone");
        line.AttachmentName.ShouldBe("5:1:0 reporté.pdf");
    }

    [Fact]
    public void Encoded_plus_stays_a_plus() => Parse(Base.Replace("alice", "al%2Bice")).User.ShouldBe("al+ice");

    [Fact]
    public void SmartReply_parameters()
    {
        var line = Parse("Cmd=SmartReply&User=a&DeviceId=A1&DeviceType=T"
                         + "&CollectionId=5&ItemId=5%3A12&LongId=RgAAAA&Occurrence=2024-01-02T10%3A00%3A00.000Z&SaveInSent=T");

        line.Command.ShouldBe(EasCommand.SmartReply);
        line.CollectionId.ShouldBe("5");
        line.ItemId.ShouldBe("5:12");
        line.LongId.ShouldBe("RgAAAA");
        line.Occurrence.ShouldBe("2024-01-02T10:00:00.000Z");
        line.SaveInSent.ShouldBeTrue();
    }

    [Theory]
    [InlineData("T", true)]
    [InlineData("F", false)]
    [InlineData("t", true)]
    [InlineData("f", false)]
    public void SaveInSent_takes_T_or_F(string value, bool expected) =>
        Parse($"Cmd=SendMail&DeviceId=A1&DeviceType=T&SaveInSent={value}").SaveInSent.ShouldBe(expected);

    [Fact]
    public void SaveInSent_defaults_to_false() => Parse("Cmd=SendMail&DeviceId=A1&DeviceType=T").SaveInSent.ShouldBeFalse();

    [Fact]
    public void Legacy_CollectionName_and_ParentId_are_read()
    {
        var line = Parse(Base + "&CollectionName=Inbox&ParentId=0");

        line.CollectionName.ShouldBe("Inbox");
        line.ParentId.ShouldBe("0");
    }

    [Fact]
    public void Empty_pairs_are_skipped() => Parse("&Cmd=Sync&&DeviceId=A1&DeviceType=T&").DeviceId.ShouldBe("A1");

    [Fact]
    public void Thirty_two_character_device_id_is_the_longest()
    {
        var id = new string('a', 31) + "9";
        Parse($"Cmd=Sync&DeviceId={id}&DeviceType=T").DeviceId.ShouldBe(id);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("12.0")]
    [InlineData("12.1")]
    [InlineData("14.0")]
    [InlineData("14.1")]
    [InlineData("16.0")]
    [InlineData("16.1")]
    public void Every_version_is_accepted_from_the_header(string version) =>
        Parse(Base, TestHeaders.Version(version)).ProtocolVersion.ToString().ShouldBe(version);

    [Fact]
    public void Header_values_are_trimmed() =>
        Parse(Base, TestHeaders.Version(" 16.1 ", ("X-MS-PolicyKey", " 42 "))).ShouldSatisfyAllConditions(
            l => l.ProtocolVersion.ShouldBe(ProtocolVersion.V161),
            l => l.PolicyKey.ShouldBe(42u));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", 0u)]
    [InlineData("3942919513", 3942919513u)]
    [InlineData("4294967295", 4294967295u)]
    [InlineData("007", 7u)]
    public void Policy_key_keeps_zero_apart_from_absent(string? header, uint? expected) =>
        Parse(Base, TestHeaders.Version("14.1", ("X-MS-PolicyKey", header))).PolicyKey.ShouldBe(expected);

    [Theory]
    [InlineData(null, false)]
    [InlineData("T", true)]
    [InlineData("F", false)]
    public void AcceptMultiPart_comes_from_its_header(string? header, bool expected) =>
        Parse("Cmd=ItemOperations&DeviceId=A1&DeviceType=T", TestHeaders.Version("14.1", ("MS-ASAcceptMultiPart", header)))
            .AcceptMultiPart.ShouldBe(expected);

    [Fact]
    public void Header_lookup_may_be_a_delegate()
    {
        var asked = new List<string>();
        var line = EasRequestLineParser.Parse(Base, name =>
        {
            asked.Add(name);
            return name == EasHeaderNames.ProtocolVersion ? "12.1" : null;
        });

        line.ProtocolVersion.ShouldBe(ProtocolVersion.V121);
        line.Locale.ShouldBeNull();
        asked.ShouldNotContain("Authorization");
    }
}
