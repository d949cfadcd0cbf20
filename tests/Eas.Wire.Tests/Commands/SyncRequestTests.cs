using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class SyncRequestTests
{
    [Fact]
    public void A_full_request_is_typed_down_to_the_commands()
    {
        var request = SyncRequest.Parse(CommandCorpus.Get("Sync", "request-14.1-full.xml").Tree(), V141);

        request.HeartbeatInterval.ShouldBe(480);
        request.WindowSize.ShouldBe(100);
        request.Wait.ShouldBeNull();
        request.Partial.ShouldBeFalse();
        request.Collections.Length.ShouldBe(2);

        var inbox = request.Collections[0];
        inbox.SyncKey.ShouldBe("0");
        inbox.CollectionId.ShouldBe("5");
        inbox.Options.Length.ShouldBe(2);
        inbox.Options[0].FilterType.ShouldBe(SyncFilterType.OneWeek);
        inbox.Options[0].BodyPreferences.ShouldBe([new BodyPreference(BodyType.Html) { TruncationSize = 51200, AllOrNone = false, Preview = 255 }]);
        inbox.Options[0].BodyPartPreferences.ShouldBe([new BodyPreference(BodyType.Html) { TruncationSize = 2048 }]);
        inbox.Options[0].RightsManagementSupport.ShouldBe(true);
        inbox.Options[1].Class.ShouldBe("SMS");
        inbox.Options[1].FilterType.ShouldBe(SyncFilterType.OneDay);

        var contacts = request.Collections[1];
        contacts.DeletesAsMoves.ShouldBe(true);
        contacts.GetChanges.ShouldBe(true);
        contacts.WindowSize.ShouldBe(50);
        contacts.ConversationMode.ShouldBe(false);
        contacts.Options[0].MimeSupport.ShouldBe(SyncMimeSupport.Always);
        contacts.Options[0].MimeTruncation.ShouldBe(8);
        contacts.Options[0].Conflict.ShouldBe(SyncConflictResolution.ServerWins);
        contacts.Commands.Length.ShouldBe(4);
        var add = contacts.Commands[0].ShouldBeOfType<SyncClientAdd>();
        add.ClientId.ShouldBe("c-1");
        add.ApplicationData.ValueOf(Eas.Wire.CodePages.Contacts.FileAs).ShouldBe("Nguyen, Lan");
        contacts.Commands[1].ShouldBeOfType<SyncClientChange>().ServerId.ShouldBe("9:3");
        contacts.Commands[2].ShouldBe(new SyncClientDelete("9:4"));
        contacts.Commands[3].ShouldBe(new SyncClientFetch("9:5"));
    }

    [Fact]
    public void A_12_1_request_carries_class_wait_and_partial()
    {
        var request = SyncRequest.Parse(CommandCorpus.Get("Sync", "request-12.1-wait-partial.xml").Tree(), V121);

        request.Wait.ShouldBe(10);
        request.Partial.ShouldBeTrue();
        request.Collections[0].Class.ShouldBe("Email");
        request.Collections[0].GetChanges.ShouldBe(true);
    }

    [Theory]
    [InlineData("<Wait>5</Wait><HeartbeatInterval>300</HeartbeatInterval>", "AirSync:HeartbeatInterval")]
    [InlineData("<Partial/>", "AirSync:Partial")]
    [InlineData("<Partial>1</Partial><Wait>5</Wait>", "AirSync:Partial")]
    [InlineData("<Collections/>", "AirSync:Collections")]
    [InlineData("<Collections><Collection><CollectionId>5</CollectionId></Collection></Collections>", "AirSync:SyncKey")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey></Collection></Collections>", "AirSync:CollectionId")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands/></Collection></Collections>", "AirSync:Commands")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands><Add><ApplicationData/></Add></Commands></Collection></Collections>", "AirSync:ClientId")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands><Add><ClientId>1</ClientId></Add></Commands></Collection></Collections>", "AirSync:ApplicationData")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands><Change><ServerId>5:1</ServerId></Change></Commands></Collection></Collections>", "AirSync:ApplicationData")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands><SoftDelete><ServerId>5:1</ServerId></SoftDelete></Commands></Collection></Collections>", "AirSync:SoftDelete")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><FilterType>9</FilterType></Options></Collection></Collections>", "AirSync:FilterType")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><MIMESupport>3</MIMESupport></Options></Collection></Collections>", "AirSync:MIMESupport")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><WindowSize>many</WindowSize></Collection></Collections>", "AirSync:WindowSize")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><GetChanges>2</GetChanges></Collection></Collections>", "AirSync:GetChanges")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options/><Options/><Options/></Collection></Collections>", "AirSync:Options")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><airsyncbase:BodyPreference><airsyncbase:TruncationSize>1</airsyncbase:TruncationSize></airsyncbase:BodyPreference></Options></Collection></Collections>", "AirSyncBase:Type")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><airsyncbase:BodyPreference><airsyncbase:Type>5</airsyncbase:Type></airsyncbase:BodyPreference></Options></Collection></Collections>", "AirSyncBase:Type")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Status>1</Status></Collection></Collections>", "AirSync:Status")]
    [InlineData("<Limit>5</Limit>", "AirSync:Limit")]
    public void Malformed_requests_name_the_element(string children, string element) =>
        Rejects(() => SyncRequest.Parse(Xml($"<Sync xmlns=\"AirSync:\" xmlns:airsyncbase=\"AirSyncBase:\">{children}</Sync>"), V141), element);

    [Theory]
    [InlineData("2.5", true)]
    [InlineData("12.0", true)]
    [InlineData("12.1", true)]
    [InlineData("14.0", false)]
    [InlineData("14.1", false)]
    [InlineData("16.0", false)]
    [InlineData("16.1", false)]
    public void A_collection_class_is_accepted_up_to_12_1_only(string version, bool accepted)
    {
        const string xml = "<Sync xmlns=\"AirSync:\"><Collections><Collection><Class>Email</Class><SyncKey>1</SyncKey><CollectionId>5</CollectionId></Collection></Collections></Sync>";
        Check(xml, version, accepted, "AirSync:Class");
    }

    [Theory]
    [InlineData("<Wait>5</Wait><Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId></Collection></Collections>", "AirSync:Wait", "12.1")]
    [InlineData("<Partial/><Wait>5</Wait>", "AirSync:Partial", "12.1")]
    [InlineData("<HeartbeatInterval>300</HeartbeatInterval><Partial/>", "AirSync:HeartbeatInterval", "14.0")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><ConversationMode>1</ConversationMode></Collection></Collections>", "AirSync:ConversationMode", "14.0")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>RI</CollectionId><Options><MaxItems>5</MaxItems></Options></Collection></Collections>", "AirSync:MaxItems", "14.0")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><Class>SMS</Class></Options></Collection></Collections>", "AirSync:Class", "14.0")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands><Add><Class>SMS</Class><ClientId>1</ClientId><ApplicationData/></Add></Commands></Collection></Collections>", "AirSync:Class", "14.0")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type></airsyncbase:BodyPreference></Options></Collection></Collections>", "AirSyncBase:BodyPreference", "12.0")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Preview>100</airsyncbase:Preview></airsyncbase:BodyPreference></Options></Collection></Collections>", "AirSyncBase:Preview", "14.0", "12.0")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><airsyncbase:BodyPartPreference><airsyncbase:Type>2</airsyncbase:Type></airsyncbase:BodyPartPreference></Options></Collection></Collections>", "AirSyncBase:BodyPartPreference", "14.1")]
    [InlineData("<Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><rm:RightsManagementSupport>1</rm:RightsManagementSupport></Options></Collection></Collections>", "RightsManagement:RightsManagementSupport", "14.1")]
    public void An_element_is_accepted_from_its_first_version_on(string children, string element, string firstVersion, string testedFrom = "2.5")
    {
        var xml = $"<Sync xmlns=\"AirSync:\" xmlns:airsyncbase=\"AirSyncBase:\" xmlns:rm=\"RightsManagement:\">{children}</Sync>";
        foreach (var version in Eas.Wire.Http.ProtocolVersion.Supported.Where(v => v >= Version(testedFrom)))
            Check(xml, version.ToString(), version >= Version(firstVersion), element);
    }

    private static void Check(string xml, string version, bool accepted, string element)
    {
        if (accepted) Should.NotThrow(() => SyncRequest.Parse(Xml(xml), Version(version)), version);
        else Rejects(() => SyncRequest.Parse(Xml(xml), Version(version)), element).Message.ShouldContain(version);
    }
}
