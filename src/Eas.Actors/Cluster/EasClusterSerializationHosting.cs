using Akka.Configuration;
using Akka.Hosting;
using Eas.Actors.Cluster.Serialization;

namespace Eas.Actors.Cluster;

/// <summary>Composition of the serializer for messages between nodes (Akka.Hosting).</summary>
public static class EasClusterSerializationHosting
{
    private const long Headroom = 1024 * 1024;

    /// <summary>
    /// Binds every message that crosses between nodes to <see cref="ClusterMessageSerializer"/> and lets the remote
    /// transport carry the largest of them: a request body of up to <paramref name="maxRequestBodyBytes"/> (a
    /// message being sent), a GetAttachment body or the fetched bytes of an ItemOperations reply of up to
    /// <see cref="ContentOutcome.MaxBytes"/> travel base64 (4/3), so twice the larger of the two leaves room, plus
    /// headroom for the JSON around it. A larger message is dropped by the
    /// transport (and logged), and its ask ends at its deadline.
    /// </summary>
    /// <remarks>
    /// Call it on every node, next to <see cref="EasActorsHosting.WithEasCluster"/>; the journal's serializer
    /// (<c>WithEasPersistence</c>) stays as it is, and handles the persisted types that are also replies.
    /// </remarks>
    public static AkkaConfigurationBuilder WithEasClusterSerialization(this AkkaConfigurationBuilder builder, int maxRequestBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRequestBodyBytes);
        return builder.AddHocon(
            ClusterMessageSerializer.Bindings.WithFallback(ConfigurationFactory.ParseString($"akka.remote.dot-netty.tcp.maximum-frame-size = {MaximumFrameBytes(maxRequestBodyBytes)}b")),
            HoconAddMode.Prepend);
    }

    /// <summary>The remote transport's largest frame for requests of up to <paramref name="maxRequestBodyBytes"/>.</summary>
    public static int MaximumFrameBytes(int maxRequestBodyBytes) =>
        (int)Math.Min(int.MaxValue, (2 * Math.Max(maxRequestBodyBytes, ContentOutcome.MaxBytes)) + Headroom);
}
