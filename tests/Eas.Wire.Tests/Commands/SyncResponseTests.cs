using Eas.Wire.Commands.Sync;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class SyncResponseTests
{
    private static SyncResponse Response() => new()
    {
        Status = SyncStatus.InvalidWaitOrHeartbeatInterval,
        Limit = 59,
        Collections =
        [
            new SyncCollectionResponse("5", SyncStatus.Success)
            {
                SyncKey = "2",
                Class = "Email",
                Commands = [new SyncServerDelete("5:1") { Class = "SMS" }, new SyncServerSoftDelete("5:2") { Class = "SMS" }],
                Responses = [new SyncAddResponse("c", SyncStatus.Success) { ServerId = "5:3", Class = "SMS" }, new SyncDeleteResponse("5:4", SyncStatus.ObjectNotFound)],
            },
        ],
    };

    [Fact]
    public void Version_12_0_gets_the_collection_class_but_no_limit_and_no_item_class()
    {
        var written = CorpusTypedTests.Write(w => Response().Write(w, V120));

        DocumentAssert.Same(written, Xml("""
            <Sync xmlns="AirSync:">
              <Status>14</Status>
              <Collections>
                <Collection>
                  <Class>Email</Class><SyncKey>2</SyncKey><CollectionId>5</CollectionId><Status>1</Status>
                  <Commands><Delete><ServerId>5:1</ServerId></Delete><SoftDelete><ServerId>5:2</ServerId></SoftDelete></Commands>
                  <Responses>
                    <Add><ClientId>c</ClientId><ServerId>5:3</ServerId><Status>1</Status></Add>
                    <Delete><ServerId>5:4</ServerId><Status>8</Status></Delete>
                  </Responses>
                </Collection>
              </Collections>
            </Sync>
            """), "12.0");
    }

    [Fact]
    public void Version_16_1_gets_the_limit_and_item_classes_but_no_collection_class()
    {
        var written = CorpusTypedTests.Write(w => Response().Write(w, V161));

        DocumentAssert.Same(written, Xml("""
            <Sync xmlns="AirSync:">
              <Status>14</Status>
              <Limit>59</Limit>
              <Collections>
                <Collection>
                  <SyncKey>2</SyncKey><CollectionId>5</CollectionId><Status>1</Status>
                  <Commands><Delete><Class>SMS</Class><ServerId>5:1</ServerId></Delete><SoftDelete><ServerId>5:2</ServerId></SoftDelete></Commands>
                  <Responses>
                    <Add><Class>SMS</Class><ClientId>c</ClientId><ServerId>5:3</ServerId><Status>1</Status></Add>
                    <Delete><ServerId>5:4</ServerId><Status>8</Status></Delete>
                  </Responses>
                </Collection>
              </Collections>
            </Sync>
            """), "16.1");
    }

    [Fact]
    public void A_collection_status_response_has_the_spec_bytes()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new Eas.Wire.Wbxml.WbxmlWriter(buffer);
        new SyncResponse { Collections = [new SyncCollectionResponse("5", SyncStatus.InvalidSyncKey) { SyncKey = "0" }] }.Write(writer, V141);

        // Header; Sync, Collections, Collection with content; SyncKey "0", CollectionId "5", Status "3"; three ENDs.
        Convert.ToHexString(buffer.WrittenSpan).ShouldBe("03016A00" + "455C4F" + "4B03300001" + "5203350001" + "4E03330001" + "010101");
    }
}
