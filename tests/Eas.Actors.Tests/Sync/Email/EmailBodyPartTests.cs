using Eas.Actors.Sync.Email;
using Eas.Wire.Commands;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Email.EmailTestData;
using AirSyncBase = Eas.Wire.CodePages.AirSyncBase;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>airsyncbase:BodyPart for BodyPartPreference (MS-ASAIRS 2.2.2.10, 2.2.2.11, 2.2.2.37), 14.1+.</summary>
public sealed class EmailBodyPartTests
{
    private static WbxmlElement Data(EmailItem item, ProtocolVersion version, params BodyPreference[] parts) =>
        EmailApplicationData.Build(item, Options(version, new BodyPreference(BodyType.PlainText)) with { BodyPartPreferences = [.. parts] });

    [Fact]
    public void MS_ASAIRS_2_2_2_10_a_body_part_follows_the_body_with_its_children_in_order()
    {
        var data = Data(FullItem(), ProtocolVersion.V141, new BodyPreference(BodyType.Html) { Preview = 5 });

        var names = Names(data);
        names.IndexOf("AirSyncBase:BodyPart").ShouldBe(names.IndexOf("AirSyncBase:Body") + 1);
        var part = Child(data, AirSyncBase.BodyPart);
        Names(part).ShouldBe(["AirSyncBase:Status", "AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Data", "AirSyncBase:Preview"]);
        part.ValueOf(AirSyncBase.Status).ShouldBe("1");
        part.ValueOf(AirSyncBase.Type).ShouldBe("2");
        part.ValueOf(AirSyncBase.Data).ShouldBe("<p>Hello Björn,</p><p>the numbers are in.</p>");
        part.ValueOf(AirSyncBase.Preview).ShouldBe("Hello");
        Child(data, AirSyncBase.Body).ValueOf(AirSyncBase.Type).ShouldBe("1");
    }

    [Fact]
    public void A_cut_body_part_says_truncated_and_gives_the_whole_size()
    {
        var part = Child(Data(FullItem(), ProtocolVersion.V160, new BodyPreference(BodyType.Html) { TruncationSize = 9 }), AirSyncBase.BodyPart);

        part.ValueOf(AirSyncBase.Truncated).ShouldBe("1");
        part.ValueOf(AirSyncBase.Data).ShouldBe("<p>Hello ");
        part.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe("46");
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_37_a_part_over_an_all_or_none_size_is_status_176_without_data()
    {
        var part = Child(Data(FullItem(), ProtocolVersion.V161, new BodyPreference(BodyType.Html) { TruncationSize = 9, AllOrNone = true }), AirSyncBase.BodyPart);

        part.ValueOf(AirSyncBase.Status).ShouldBe("176");
        part.Element(AirSyncBase.Data).ShouldBeNull();
        part.ValueOf(AirSyncBase.EstimatedDataSize).ShouldBe("46");
    }

    [Fact]
    public void A_text_only_message_gives_its_text_in_html_form()
    {
        var item = new EmailItem { DateReceived = Received, PlainText = EmailBodyText.Complete("a < b\nc") };

        Child(Data(item, ProtocolVersion.V141, new BodyPreference(BodyType.Html)), AirSyncBase.BodyPart).ValueOf(AirSyncBase.Data)
            .ShouldBe("<html><body><div>a &lt; b<br>\r\nc</div></body></html>");
    }

    [Fact]
    public void Before_14_1_or_without_a_preference_there_is_no_body_part()
    {
        Data(FullItem(), ProtocolVersion.V140, new BodyPreference(BodyType.Html)).Element(AirSyncBase.BodyPart).ShouldBeNull();
        Data(FullItem(), ProtocolVersion.V141).Element(AirSyncBase.BodyPart).ShouldBeNull();
    }
}
