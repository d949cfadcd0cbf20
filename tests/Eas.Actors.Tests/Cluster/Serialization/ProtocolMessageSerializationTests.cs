using Eas.Actors.Cluster.Serialization;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>The gate, license and directory protocols, the device's state and the envelope around them cross intact.</summary>
public sealed class ProtocolMessageSerializationTests(ServerSerialization server) : IClassFixture<ServerSerialization>
{
    public static TheoryData<int> Samples => [.. Enumerable.Range(0, ClusterSamples.RecordMessages().Count())];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_message_arrives_as_it_left_under_its_manifest(int index)
    {
        var message = ClusterSamples.RecordMessages().ElementAt(index);

        var crossing = server.Cross(message);

        crossing.Manifest.ShouldBe(ClusterManifests.ByType[message.GetType()]);
        crossing.Message.ShouldNotBeSameAs(message);
        crossing.Message.ShouldBeStructurallyEqual(message, crossing.Manifest);
    }
}
