using Eas.Actors.Sync.Email;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using AirSyncBase = Eas.Wire.CodePages.AirSyncBase;
using EmailPage = Eas.Wire.CodePages.Email;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>Which elements each protocol version gets, in MS-ASEMAIL order.</summary>
public sealed class EmailVersionTests
{
    private static readonly string[] Common =
    [
        "Email:To", "Email:Cc", "Email:From", "Email:Subject", "Email:ReplyTo", "Email:DateReceived",
        "Email:DisplayTo", "Email:ThreadTopic", "Email:Importance", "Email:Read",
    ];

    [Fact]
    public void Version_2_5_uses_the_Email_page_forms_and_nothing_newer()
    {
        var data = EmailApplicationData.Build(FullItem(), Options(ProtocolVersion.V25));

        Names(data).ShouldBe([
            .. Common, "Email:Attachments", "Email:Body", "Email:BodyTruncated", "Email:MessageClass", "Email:InternetCPID",
        ]);
    }

    [Theory]
    [InlineData("12.0")]
    [InlineData("12.1")]
    public void Versions_12_use_AirSyncBase_and_Flag_but_no_Email2_or_Categories(string version)
    {
        var data = EmailApplicationData.Build(FullItem(), Options(Version(version), new BodyPreference(BodyType.Html)));

        Names(data).ShouldBe([
            .. Common, "AirSyncBase:Attachments", "AirSyncBase:Body", "Email:MessageClass", "Email:InternetCPID",
            "Email:Flag", "Email:ContentClass", "AirSyncBase:NativeBodyType",
        ]);
    }

    [Theory]
    [InlineData("14.0")]
    [InlineData("14.1")]
    [InlineData("16.0")]
    [InlineData("16.1")]
    public void Versions_14_and_later_add_Email2_and_Categories(string version)
    {
        var data = EmailApplicationData.Build(FullItem(), Options(Version(version), new BodyPreference(BodyType.Html)));

        Names(data).ShouldBe([
            .. Common, "AirSyncBase:Attachments", "AirSyncBase:Body", "Email:MessageClass", "Email:InternetCPID",
            "Email:Flag", "Email:ContentClass", "AirSyncBase:NativeBodyType", "Email2:ConversationId",
            "Email2:ConversationIndex", "Email2:LastVerbExecuted", "Email2:LastVerbExecutionTime",
            "Email2:ReceivedAsBcc", "Email2:Sender", "Email:Categories",
        ]);
    }

    [Fact]
    public void Preview_is_written_from_14_0_only()
    {
        var preference = new BodyPreference(BodyType.Html) { Preview = 20 };

        var v121 = EmailApplicationData.Build(FullItem(), Options(ProtocolVersion.V121, preference));
        var v140 = EmailApplicationData.Build(FullItem(), Options(ProtocolVersion.V140, preference));

        Names(Child(v121, AirSyncBase.Body)).ShouldNotContain("AirSyncBase:Preview");
        Names(Child(v140, AirSyncBase.Body)).ShouldContain("AirSyncBase:Preview");
    }

    [Theory]
    [MemberData(nameof(VersionNames), MemberType = typeof(EmailTestData))]
    public void Common_values_are_formatted_the_same_in_every_version(string version)
    {
        var data = EmailApplicationData.Build(FullItem(), Options(Version(version)));

        data.ValueOf(EmailPage.DateReceived).ShouldBe("2025-03-14T09:26:53.589Z");
        data.ValueOf(EmailPage.Importance).ShouldBe("2");
        data.ValueOf(EmailPage.Read).ShouldBe("1");
        data.ValueOf(EmailPage.MessageClass).ShouldBe("IPM.Note");
        data.ValueOf(EmailPage.InternetCPID).ShouldBe("65001");
        data.ValueOf(EmailPage.ThreadTopic).ShouldBe("Quarterly numbers");
        data.ValueOf(EmailPage.DisplayTo).ShouldBe("Björn Ek; team@example.com");
    }

    [Fact]
    public void A_fetch_carries_the_same_properties_inside_ItemOperations_Properties()
    {
        var options = Options(ProtocolVersion.V141, new BodyPreference(BodyType.Html));

        var (properties, bodyData) = EmailApplicationData.BuildFetchProperties(FullItem(), options);
        var data = EmailApplicationData.Build(FullItem(), options);

        bodyData.ShouldBeNull();
        properties.Name.ShouldBe("Properties");
        properties.Namespace.ShouldBe("ItemOperations");
        Names(properties).ShouldBe(Names(data));
    }

    [Fact]
    public void Absent_headers_are_left_out_rather_than_sent_empty()
    {
        var item = new EmailItem { DateReceived = Received };

        var data = EmailApplicationData.Build(item, Options(ProtocolVersion.V141));

        Names(data).ShouldBe([
            "Email:DateReceived", "Email:Importance", "Email:Read", "AirSyncBase:Body", "Email:MessageClass",
            "Email:InternetCPID", "Email:Flag", "Email:ContentClass", "AirSyncBase:NativeBodyType",
            "Email2:ConversationId", "Email2:ConversationIndex", "Email:Categories",
        ]);
    }
}
