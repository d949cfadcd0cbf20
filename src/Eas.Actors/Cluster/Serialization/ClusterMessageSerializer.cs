using System.Buffers;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Akka.Serialization;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// Writes every message that crosses between nodes (<see cref="ClusterManifests"/>) as UTF-8 JSON under its
/// explicit manifest, so nothing between nodes depends on a CLR type name, Hyperion or Akka's default
/// Newtonsoft serializer (which writes type names). Akka serializes only what really leaves the node: a request
/// whose account entity is local pays nothing.
/// </summary>
/// <remarks>
/// <para>
/// A request crosses as its typed body (<see cref="WireKinds.RequestBodies"/>), not as the body's bytes to be
/// decoded again: the typed records are already what the device needs, and the edge's decoding (with its size
/// limits, and the 501 and 400 answers) stays at the edge. A response crosses as its typed
/// <see cref="Wire.Commands.IEasResponse"/> and the edge encodes it exactly as it encodes a local one: the WBXML of a
/// response depends on the request's protocol version, which the device's reply does not carry, so the device's node
/// could not encode it.
/// </para>
/// <para>
/// A request's <see cref="Mailboxes.MailCredentials"/> travel inside that request's message and nowhere else (no
/// other message of the table holds one). Nothing here logs a payload: a message that cannot be written or read
/// fails with a <see cref="SerializationException"/> naming its manifest and the JSON path, which Akka logs before
/// dropping the message.
/// </para>
/// </remarks>
public sealed class ClusterMessageSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's identifier in every remote message (Akka reserves 0–100; the journal's is 7301).</summary>
    public const int SerializerId = 7302;

    /// <summary>The name of the serializer in <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "eas-cluster";

    private readonly Lazy<ILoggingAdapter> _log;
    private readonly JsonSerializerOptions _options;

    /// <summary>Called by Akka's serialization extension, while the actor system is still being built (hence the lazy logger).</summary>
    public ClusterMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _log = new Lazy<ILoggingAdapter>(() => Logging.GetLogger(system, nameof(ClusterMessageSerializer)));
        _options = ClusterJson.CreateOptions(_log);
    }

    /// <summary>
    /// HOCON that registers the serializer and binds each type of <see cref="ClusterManifests"/> to it, including
    /// Akka's <see cref="Status.Failure"/> (its default binding, Akka.Remote's <c>akka-misc</c>, is replaced).
    /// </summary>
    public static Config Bindings { get; } = ConfigurationFactory.ParseString(BindingsHocon());

    /// <inheritdoc />
    public override int Identifier => SerializerId;

    /// <inheritdoc />
    public override string Manifest(object o) => ClusterManifests.Messages.Of(o.GetType()).Manifest;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        var codec = ClusterManifests.Messages.Of(obj.GetType());
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                codec.Write(writer, obj, _options, _log.Value);
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new SerializationException($"A '{codec.Manifest}' message cannot be written: {e.Message}", e);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        var codec = ClusterManifests.Messages.Of(manifest);
        try
        {
            var reader = new Utf8JsonReader(bytes);
            return codec.Read(ref reader, _options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new SerializationException($"A '{manifest}' message cannot be read: {e.Message}", e);
        }
    }

    private static string BindingsHocon()
    {
        var bindings = new StringBuilder();
        foreach (var codec in ClusterManifests.Messages.Codecs) bindings.AppendLine($"    \"{QualifiedName(codec.Type)}\" = {SerializerName}");
        return $$"""
            akka.actor {
              serializers { {{SerializerName}} = "{{QualifiedName(typeof(ClusterMessageSerializer))}}" }
              serialization-bindings {
            {{bindings}}  }
            }
            """;
    }

    private static string QualifiedName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
