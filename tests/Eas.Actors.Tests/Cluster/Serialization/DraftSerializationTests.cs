using System.Buffers;
using Eas.Actors.Devices;
using Eas.Wire.CodePages;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>The draft parts of Sync cross nodes: email2:Send on a client Add or Change, and the added attachments in Responses.</summary>
public sealed class DraftSerializationTests(ServerSerialization server) : IClassFixture<ServerSerialization>
{
    [Fact]
    public void MS_ASEMAIL_2_2_2_69_Send_crosses_with_the_client_commands()
    {
        var data = WbxmlElement.WithChildren(AirSync.ApplicationData, WbxmlElement.WithText(Email.Subject, "s"));
        var body = new SyncRequest
        {
            Collections =
            [
                new SyncCollectionRequest("k-2", "5") { Commands = [new SyncClientAdd("d1", data) { Send = true }, new SyncClientChange("5:3", data) { Send = true }] },
            ],
        };

        var arrived = server.Cross(new ExecuteDeviceCommand(ClusterSamples.Request(EasCommand.Sync, ProtocolVersion.V161, body), Guid.NewGuid()))
            .Message.ShouldBeOfType<ExecuteDeviceCommand>().Request.Body.ShouldBeOfType<SyncRequest>();

        var commands = arrived.Collections.ShouldHaveSingleItem().Commands;
        commands[0].ShouldBeOfType<SyncClientAdd>().Send.ShouldBeTrue();
        commands[1].ShouldBeOfType<SyncClientChange>().Send.ShouldBeTrue();
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_14_the_added_attachments_of_Responses_cross_and_encode_the_same()
    {
        var attachments = WbxmlElement.WithChildren(AirSync.ApplicationData, WbxmlElement.WithChildren(AirSyncBase.Attachments,
            WbxmlElement.WithChildren(AirSyncBase.Attachment, WbxmlElement.WithText(AirSyncBase.ClientId, "a1"), WbxmlElement.WithText(AirSyncBase.FileReference, "5:9:2"))));
        var response = new SyncResponse
        {
            Collections =
            [
                new SyncCollectionResponse("5", SyncStatus.Success)
                {
                    SyncKey = "k-3",
                    Responses =
                    [
                        new SyncAddResponse("d1", SyncStatus.Success) { ServerId = "5:9", ApplicationData = attachments },
                        new SyncChangeResponse("5:7", SyncStatus.Success) { ApplicationData = attachments },
                    ],
                },
            ],
        };

        var arrived = server.Cross(new RespondWith(response)).Message.ShouldBeOfType<RespondWith>().Response;

        Encode(arrived, ProtocolVersion.V161).ShouldBe(Encode(response, ProtocolVersion.V161));
    }

    private static byte[] Encode(IEasResponse response, ProtocolVersion version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(buffer);
        response.Write(writer, version);
        writer.Finish();
        return buffer.WrittenSpan.ToArray();
    }
}
