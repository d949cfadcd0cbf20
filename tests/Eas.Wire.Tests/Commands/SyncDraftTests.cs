using Eas.Wire.CodePages;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

/// <summary>The Sync elements of 16.x drafts: email2:Send in a request (MS-ASEMAIL 2.2.2.69), ApplicationData with the added attachments in Responses (MS-ASAIRS 2.2.2.7).</summary>
public sealed class SyncDraftTests
{
    private static string Request(string command) =>
        $"<Sync xmlns=\"AirSync:\" xmlns:email2=\"Email2:\"><Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands>{command}</Commands></Collection></Collections></Sync>";

    [Fact]
    public void MS_ASEMAIL_2_2_2_69_Send_marks_an_Add_or_a_Change_and_its_absence_does_not()
    {
        var commands = SyncRequest.Parse(Xml(Request(
            "<Add><ClientId>d1</ClientId><ApplicationData/><email2:Send/></Add>" +
            "<Change><ServerId>5:7</ServerId><ApplicationData/><email2:Send/></Change>" +
            "<Change><ServerId>5:8</ServerId><ApplicationData/></Change>")), V161).Collections[0].Commands;

        commands[0].ShouldBeOfType<SyncClientAdd>().Send.ShouldBeTrue();
        commands[1].ShouldBeOfType<SyncClientChange>().Send.ShouldBeTrue();
        commands[2].ShouldBeOfType<SyncClientChange>().Send.ShouldBeFalse();
    }

    [Theory]
    [InlineData("14.1", false)]
    [InlineData("16.0", true)]
    public void MS_ASEMAIL_2_2_2_69_Send_is_taken_from_16_0_on(string version, bool accepted)
    {
        var xml = Xml(Request("<Change><ServerId>5:7</ServerId><ApplicationData/><email2:Send/></Change>"));
        if (accepted) Should.NotThrow(() => SyncRequest.Parse(xml, Version(version)));
        else Rejects(() => SyncRequest.Parse(xml, Version(version)), "Email2:Send");
    }

    [Theory]
    [InlineData("<Change><ServerId>5:7</ServerId><ApplicationData/><email2:Send/><email2:Send/></Change>")]
    [InlineData("<Change><ServerId>5:7</ServerId><ApplicationData/><email2:Send>1</email2:Send></Change>")]
    public void A_repeated_or_valued_Send_is_malformed(string command) =>
        Rejects(() => SyncRequest.Parse(Xml(Request(command)), V161), "Email2:Send");

    private static SyncResponse Answer() => new()
    {
        Collections =
        [
            new SyncCollectionResponse("5", SyncStatus.Success)
            {
                SyncKey = "3",
                Responses =
                [
                    new SyncAddResponse("d1", SyncStatus.Success) { ServerId = "5:9", ApplicationData = Attachments("a1", "5:9:2") },
                    new SyncChangeResponse("5:7", SyncStatus.Success) { ApplicationData = Attachments("a2", "5:10:3") },
                ],
            },
        ],
    };

    private static WbxmlElement Attachments(string clientId, string reference) =>
        WbxmlElement.WithChildren(AirSync.ApplicationData, WbxmlElement.WithChildren(AirSyncBase.Attachments, WbxmlElement.WithChildren(AirSyncBase.Attachment,
            WbxmlElement.WithText(AirSyncBase.ClientId, clientId), WbxmlElement.WithText(AirSyncBase.FileReference, reference))));

    [Fact]
    public void MS_ASAIRS_2_2_2_14_Responses_carry_each_added_attachment_s_ClientId_and_FileReference_before_Status()
    {
        var written = CorpusTypedTests.Write(w => Answer().Write(w, V161));

        DocumentAssert.Same(written, Xml("""
            <Sync xmlns="AirSync:" xmlns:airsyncbase="AirSyncBase:">
              <Collections>
                <Collection>
                  <SyncKey>3</SyncKey><CollectionId>5</CollectionId><Status>1</Status>
                  <Responses>
                    <Add><ClientId>d1</ClientId><ServerId>5:9</ServerId>
                      <ApplicationData><airsyncbase:Attachments><airsyncbase:Attachment><airsyncbase:ClientId>a1</airsyncbase:ClientId><airsyncbase:FileReference>5:9:2</airsyncbase:FileReference></airsyncbase:Attachment></airsyncbase:Attachments></ApplicationData>
                      <Status>1</Status></Add>
                    <Change><ServerId>5:7</ServerId>
                      <ApplicationData><airsyncbase:Attachments><airsyncbase:Attachment><airsyncbase:ClientId>a2</airsyncbase:ClientId><airsyncbase:FileReference>5:10:3</airsyncbase:FileReference></airsyncbase:Attachment></airsyncbase:Attachments></ApplicationData>
                      <Status>1</Status></Change>
                  </Responses>
                </Collection>
              </Collections>
            </Sync>
            """), "16.1");
    }

    [Fact]
    public void Before_16_0_Responses_carry_no_ApplicationData()
    {
        var written = CorpusTypedTests.Write(w => Answer().Write(w, V141));

        DocumentAssert.Same(written, Xml("""
            <Sync xmlns="AirSync:">
              <Collections>
                <Collection>
                  <SyncKey>3</SyncKey><CollectionId>5</CollectionId><Status>1</Status>
                  <Responses>
                    <Add><ClientId>d1</ClientId><ServerId>5:9</ServerId><Status>1</Status></Add>
                    <Change><ServerId>5:7</ServerId><Status>1</Status></Change>
                  </Responses>
                </Collection>
              </Collections>
            </Sync>
            """), "14.1");
    }
}
