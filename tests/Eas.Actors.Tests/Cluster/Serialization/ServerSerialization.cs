using Akka.Actor;
using Akka.Hosting;
using Akka.Serialization;
using Eas.Actors.Cluster;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.Support;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>
/// An actor system whose serialization is configured as the server's: a cluster node (so Akka.Remote's own
/// bindings, among them <c>akka-misc</c> for <see cref="Status.Failure"/>, are in place), the journal's serializer
/// with the server's manifest table, and <see cref="EasClusterSerializationHosting.WithEasClusterSerialization"/>.
/// </summary>
public sealed class ServerSerialization : IAsyncLifetime
{
    /// <summary>The server's default <c>Eas:Requests:MaxBodyBytes</c>.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    private HostedActorSystem? _system;

    public ActorSystem System => _system?.System ?? throw new InvalidOperationException("Not started.");

    /// <summary>The cluster and serialization part of the server's composition.</summary>
    public static AkkaConfigurationBuilder Configure(AkkaConfigurationBuilder builder, ClusterSettings? cluster = null) => builder
        .WithEasCluster(cluster ?? new ClusterSettings())
        .AddSetup(EasManifests.Table)
        .AddHocon(JsonManifestSerializer.Bindings, HoconAddMode.Prepend)
        .WithEasClusterSerialization(MaxBodyBytes);

    /// <summary>Writes <paramref name="message"/> with the serializer Akka picks for it and reads it back by identifier and manifest, as a remote node does.</summary>
    public Crossing Cross(object message)
    {
        var serializer = System.Serialization.FindSerializerFor(message);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var bytes = serializer.ToBinary(message);
        return new Crossing(System.Serialization.Deserialize(bytes, serializer.Identifier, manifest), serializer, manifest, bytes);
    }

    public Task InitializeAsync()
    {
        _system = HostedActorSystem.Start(builder => Configure(builder));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}

/// <summary>A message as it arrived on the other side, with how it travelled.</summary>
public sealed record Crossing(object Message, Serializer Serializer, string Manifest, byte[] Bytes)
{
    public string Json => System.Text.Encoding.UTF8.GetString(Bytes);
}
