using Eas.Actors.Cluster;
using Eas.Actors.Cluster.Serialization;
using Eas.Actors.Devices;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>A request crosses to the account's node with its typed body, request line, credentials and features intact.</summary>
public sealed class DeviceRequestSerializationTests(ServerSerialization server) : IClassFixture<ServerSerialization>
{
    public static TheoryData<string> Documents => [.. ClusterSamples.RequestDocuments.Select(d => d.ToString())];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_corpus_request_arrives_in_its_envelope_as_it_left(string name)
    {
        var request = ClusterSamples.Request(ClusterSamples.RequestDocuments.Single(d => d.ToString() == name));
        var command = new ExecuteDeviceCommand(request, Guid.NewGuid());

        var crossing = server.Cross(ClusterSamples.Envelope(command));

        crossing.Manifest.ShouldBe(ClusterManifests.Envelope);
        var envelope = crossing.Message.ShouldBeOfType<AccountEnvelope>();
        (envelope.AccountId, envelope.Child).ShouldBe(("mike@ox.io", AccountChild.Device("ApplF17XK2QJ")));
        var arrived = envelope.Message.ShouldBeOfType<ExecuteDeviceCommand>();
        arrived.ShouldBeStructurallyEqual(command, name);
        arrived.Request.Body.ShouldNotBeSameAs(request.Body);
    }

    [Fact]
    public void The_commands_that_matter_most_keep_their_typed_details()
    {
        var sync = Arrived("Sync", "request-14.1-full.xml").Body.ShouldBeOfType<SyncRequest>();
        var ping = Arrived("Ping", "request-14.1-full.xml").Body.ShouldBeOfType<PingRequest>();
        var provision = Arrived("Provision", "request-14.1-initial.xml").Body.ShouldBeOfType<ProvisionRequest>();
        var fetch = Arrived("ItemOperations", "request-14.1-mixed.xml").Body.ShouldBeOfType<ItemOperationsRequest>();

        sync.Collections.ShouldNotBeEmpty();
        sync.Collections.SelectMany(c => c.Commands).ShouldContain(c => c is SyncClientAdd || c is SyncClientChange, "client changes with their ApplicationData");
        ping.Folders.ShouldNotBeNull().ShouldNotBeEmpty();
        ping.HeartbeatInterval.ShouldNotBeNull();
        provision.DeviceInformation.ShouldNotBeNull();
        fetch.Operations.ShouldContain(o => o is ItemOperationsFetch);
    }

    [Fact]
    public void The_request_line_credentials_features_and_flags_arrive()
    {
        var request = ClusterSamples.Request(EasCommand.Ping, ProtocolVersion.V121, null) with { Implemented = false, Resumed = false };

        var arrived = Cross(request);

        arrived.Line.ShouldBe(request.Line);
        arrived.Line.ProtocolVersion.ShouldBe(ProtocolVersion.V121);
        arrived.Credentials.ShouldNotBeNull();
        (arrived.Credentials.Login, arrived.Credentials.Password).ShouldBe(("Mike@ox.io", "s3cret-Pa55"));
        arrived.Features.ShouldBe(ClusterSamples.Features);
        (arrived.Implemented, arrived.Resumed, arrived.Body).ShouldBe((false, false, (object?)null));
    }

    [Fact]
    public void A_legacy_compose_request_carries_its_mime_bytes()
    {
        var mime = "From: mike@ox.io\r\nTo: anna@ox.io\r\nSubject: Grüße\r\n\r\nHallo\r\n"u8.ToArray();
        var line = ClusterSamples.Line(EasCommand.SmartReply, ProtocolVersion.V121);
        var body = ComposeMailQueryRequest.From(line, mime);

        var arrived = Cross(ClusterSamples.Request(EasCommand.SmartReply, ProtocolVersion.V121, body)).Body.ShouldBeOfType<ComposeMailQueryRequest>();

        arrived.ShouldBeStructurallyEqual(body);
        arrived.Mime.ToArray().ShouldBe(mime);
    }

    [Fact]
    public void A_find_request_crosses_with_its_criterion_and_options()
    {
        var body = new Eas.Wire.Commands.Find.FindRequest("s1", Eas.Wire.Commands.Find.FindStore.Mailbox)
        {
            FreeText = "budget", Class = "Email", CollectionId = "5", DeepTraversal = true, Range = new Eas.Wire.Commands.Search.SearchRange(0, 9),
            Picture = new Eas.Wire.Commands.Search.SearchPictureOptions(100, 2),
        };

        var arrived = Cross(ClusterSamples.Request(EasCommand.Find, ProtocolVersion.V161, body)).Body.ShouldBeOfType<Eas.Wire.Commands.Find.FindRequest>();

        arrived.ShouldBe(body);
    }

    [Fact]
    public void A_body_that_is_no_wire_request_cannot_cross()
    {
        var request = ClusterSamples.Request(EasCommand.Ping, ProtocolVersion.V141, "not a request");

        Should.Throw<System.Runtime.Serialization.SerializationException>(() => server.Cross(new ExecuteDeviceCommand(request, Guid.NewGuid())))
            .Message.ShouldContain("String");
    }

    private DeviceRequest Arrived(string command, string file) =>
        Cross(ClusterSamples.Request(ClusterSamples.RequestDocuments.Single(d => d.Command == command && d.FileName == file)));

    private DeviceRequest Cross(DeviceRequest request) =>
        server.Cross(new ExecuteDeviceCommand(request, Guid.NewGuid())).Message.ShouldBeOfType<ExecuteDeviceCommand>().Request;
}
