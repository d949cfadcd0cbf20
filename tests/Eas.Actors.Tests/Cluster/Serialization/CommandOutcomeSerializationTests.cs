using System.Buffers;
using System.Net;
using Eas.Actors.Accounts;
using Eas.Actors.Cluster.Serialization;
using Eas.Actors.Devices;
using Eas.Wire.Commands;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Http;
using Eas.Wire.Tests.Commands;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>Each outcome a device answers crosses back to the edge, and a response encodes there exactly as it would have locally.</summary>
public sealed class CommandOutcomeSerializationTests(ServerSerialization server) : IClassFixture<ServerSerialization>
{
    public static TheoryData<string> Responses => [.. ResponseCorpus.Writers.Keys];

    [Theory]
    [MemberData(nameof(Responses))]
    public void Every_corpus_response_encodes_on_the_edge_as_it_would_have_on_the_devices_node_in_every_version(string name)
    {
        var response = (IEasResponse)ResponseCorpus.Writers[name].Target!;

        var arrived = server.Cross(new RespondWith(response)).Message.ShouldBeOfType<RespondWith>().Response;

        arrived.ShouldNotBeSameAs(response);
        foreach (var version in ProtocolVersion.Supported) Encode(arrived, version).ShouldBe(Encode(response, version), $"{name} in {version}");
    }

    [Fact]
    public void A_GAL_search_response_crosses_with_its_pictures_and_encodes_the_same()
    {
        var response = new Eas.Wire.Commands.Search.SearchResponse(Eas.Wire.Commands.Search.SearchStatus.Success)
        {
            Store = new Eas.Wire.Commands.Search.SearchStoreResult(Eas.Wire.Commands.Search.SearchStatus.Success)
            {
                Results =
                [
                    new Eas.Wire.Commands.Search.SearchResult
                    {
                        Gal = new Eas.Wire.Commands.Search.SearchGalProperties("Ann", "ann@example.org")
                        {
                            Picture = new Eas.Wire.Commands.Search.SearchGalPicture(Eas.Wire.Commands.Search.SearchPictureStatus.Success, [1, 2, 3]),
                        },
                    },
                ],
                Range = new Eas.Wire.Commands.Search.SearchRange(0, 0),
                Total = 1,
            },
        };

        var arrived = server.Cross(new RespondWith(response)).Message.ShouldBeOfType<RespondWith>().Response;

        foreach (var version in ProtocolVersion.Supported) Encode(arrived, version).ShouldBe(Encode(response, version), version.ToString());
    }

    [Fact]
    public void A_find_response_crosses_with_its_mail_and_GAL_results_and_encodes_the_same()
    {
        var response = new Eas.Wire.Commands.Find.FindResponse(Eas.Wire.Commands.Find.FindStatus.Success)
        {
            Response = new Eas.Wire.Commands.Find.FindStoreResult("Mailbox", Eas.Wire.Commands.Find.FindStatus.Success)
            {
                Results =
                [
                    new Eas.Wire.Commands.Find.FindResult
                    {
                        Class = "Email", ServerId = "5:1", CollectionId = "5",
                        Mail = new Eas.Wire.Commands.Find.FindMailProperties { Subject = "Hi", DateReceived = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), Preview = "p", HasAttachments = true },
                    },
                    new Eas.Wire.Commands.Find.FindResult { Gal = new Eas.Wire.Commands.Search.SearchGalProperties("Ann", "ann@example.org") },
                ],
                Range = new Eas.Wire.Commands.Search.SearchRange(0, 1),
                Total = 2,
            },
        };

        var arrived = server.Cross(new RespondWith(response)).Message.ShouldBeOfType<RespondWith>().Response;

        Encode(arrived, ProtocolVersion.V161).ShouldBe(Encode(response, ProtocolVersion.V161));
    }

    [Fact]
    public void A_status_only_response_arrives_for_its_command()
    {
        var response = new StatusOnlyResponse(EasCommand.Sync, (int)CommonStatus.InvalidPolicyKey);

        var arrived = server.Cross(new RespondWith(response)).Message.ShouldBeOfType<RespondWith>();

        arrived.Response.ShouldBe(response);
    }

    [Fact]
    public void Every_outcome_without_a_body_arrives_as_it_left()
    {
        CommandOutcome[] outcomes =
        [
            new ProvisioningRequired(PolicyVerdict.InvalidPolicyKey),
            new AccessRefused(AccessRefusal.LicenseExpired),
            new RespondHttpStatus((int)HttpStatusCode.ServiceUnavailable),
            new RespondEmpty(),
            new Throttled(ThrottleConditions.CommandFrequency, "requests", TimeSpan.FromSeconds(2.5)),
            new UserAgentRefused(new DateTimeOffset(2026, 12, 6, 22, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(14)),
            new CommandNotImplemented(),
            new AttachmentNotFound(),
        ];

        foreach (var outcome in outcomes) server.Cross(outcome).Message.ShouldBe(outcome);
    }

    [Fact]
    public void An_attachment_crosses_as_its_bytes_and_the_senders_stream_is_released()
    {
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        var stream = new TrackedStream(bytes);

        var arrived = server.Cross(new RespondWithContent("image/png", stream)).Message.ShouldBeOfType<RespondWithContent>();

        arrived.ContentType.ShouldBe("image/png");
        using var copy = new MemoryStream();
        arrived.Content.CopyTo(copy);
        copy.ToArray().ShouldBe(bytes);
        arrived.Content.Length.ShouldBe(bytes.Length);
        stream.Disposed.ShouldBeTrue("the temporary file on the device's node is deleted once its bytes left");
    }

    [Fact]
    public void An_attachment_over_the_cap_arrives_as_http_500()
    {
        var path = Path.GetTempFileName();
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        stream.SetLength((32 * 1024 * 1024) + 1);

        var arrived = server.Cross(new RespondWithContent("application/octet-stream", stream));

        arrived.Message.ShouldBe(new RespondHttpStatus((int)HttpStatusCode.InternalServerError));
        arrived.Bytes.Length.ShouldBeLessThan(200);
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task Fetched_bytes_cross_inside_the_reply_and_the_senders_file_is_released()
    {
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        var stream = new TrackedStream(bytes);
        var response = new ItemOperationsResponse(ItemOperationsStatus.Success)
        {
            Results = [new ItemOperationsFetchResult(ItemOperationsStatus.Success) { FileReference = "5%3a9%3a2", Properties = ItemOperationsProperties.File("application/pdf"), Content = new BinaryContent(stream) }],
        };

        var arrived = server.Cross(new RespondWith(response)).Message.ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<ItemOperationsResponse>();

        stream.Disposed.ShouldBeTrue("the temporary file on the device's node is deleted once its bytes left");
        var fetch = arrived.Results.Single().ShouldBeOfType<ItemOperationsFetchResult>();
        using var body = arrived.Encode(ProtocolVersion.V141, multipart: true);
        using var written = new MemoryStream();
        await body.WriteToAsync(written, CancellationToken.None);
        var parts = MultiPartResponse.ReadParts(written.ToArray());
        written.ToArray().AsSpan(parts[1].Offset, parts[1].Length).ToArray().ShouldBe(bytes);
        fetch.FileReference.ShouldBe("5%3a9%3a2");
    }

    [Fact]
    public async Task A_whole_message_streamed_as_body_data_crosses_inside_the_reply()
    {
        var message = System.Text.Encoding.ASCII.GetBytes("Subject: crossing\r\n\r\n" + new string('c', 40_000) + "\r\n");
        var stream = new TrackedStream(message);
        var body = WbxmlElement.WithChildren(Eas.Wire.CodePages.AirSyncBase.Body,
            WbxmlElement.WithText(Eas.Wire.CodePages.AirSyncBase.Type, "4"), WbxmlElement.WithText(Eas.Wire.CodePages.AirSyncBase.Truncated, "0"));
        var response = new ItemOperationsResponse(ItemOperationsStatus.Success)
        {
            Results = [new ItemOperationsFetchResult(ItemOperationsStatus.Success)
            {
                CollectionId = "5",
                ServerId = "5:9",
                Properties = WbxmlElement.WithChildren(Eas.Wire.CodePages.ItemOperations.Properties, body),
                BodyContent = new BinaryContent(stream),
            }],
        };

        var arrived = server.Cross(new RespondWith(response)).Message.ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<ItemOperationsResponse>();

        stream.Disposed.ShouldBeTrue("the temporary file on the device's node is deleted once its bytes left");
        using var encoded = arrived.Encode(ProtocolVersion.V141, multipart: false);
        using var written = new MemoryStream();
        await encoded.WriteToAsync(written, CancellationToken.None);
        var data = WbxmlDocument.Parse(written.ToArray()).Element(Eas.Wire.CodePages.ItemOperations.Response)!.Element(Eas.Wire.CodePages.ItemOperations.Fetch)!
            .Element(Eas.Wire.CodePages.ItemOperations.Properties)!.Element(Eas.Wire.CodePages.AirSyncBase.Body)!.Element(Eas.Wire.CodePages.AirSyncBase.Data)!;
        data.RawValue.ToArray().ShouldBe(message);
    }

    private static byte[] Encode(IEasResponse response, ProtocolVersion version)
    {
        try
        {
            var buffer = new ArrayBufferWriter<byte>();
            var writer = new WbxmlWriter(buffer);
            response.Write(writer, version);
            writer.Finish();
            return buffer.WrittenSpan.ToArray();
        }
        catch (Exception e)
        {
            return System.Text.Encoding.UTF8.GetBytes($"{e.GetType().Name}: {e.Message}");
        }
    }

    private sealed class TrackedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
