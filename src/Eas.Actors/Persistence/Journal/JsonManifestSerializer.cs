using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;

namespace Eas.Actors.Persistence.Journal;

/// <summary>
/// Writes every <see cref="IPersistedMessage"/> as UTF-8 JSON (System.Text.Json) under an explicit string
/// manifest from the system's <see cref="JsonManifestSetup"/>. The journal row keeps the manifest and
/// <see cref="SerializerId"/> next to the bytes, so reading a row needs neither a CLR type name nor Hyperion.
/// </summary>
/// <remarks>
/// Akka creates the serializer from <see cref="Bindings"/>; the constructor fails with a
/// <see cref="ConfigurationException"/> when the actor system was started without a <see cref="JsonManifestSetup"/>,
/// so a missing table shows at start, not at the first Persist.
/// </remarks>
public sealed class JsonManifestSerializer : SerializerWithStringManifest
{
    /// <summary>
    /// The identifier stored in every journal and snapshot row (Akka reserves 0–100). It never changes: rows
    /// written with it are read back by the serializer that has it.
    /// </summary>
    public const int SerializerId = 7301;

    /// <summary>The name of the serializer in <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "eas-json";

    private readonly JsonManifestSetup _setup;

    /// <summary>Called by Akka's serialization extension.</summary>
    public JsonManifestSerializer(ExtendedActorSystem system)
        : base(system)
    {
        var setup = system.Settings.Setup.Get<JsonManifestSetup>();
        _setup = setup.HasValue
            ? setup.Value
            : throw new ConfigurationException($"{nameof(JsonManifestSerializer)} needs a {nameof(JsonManifestSetup)} in the actor system's setup (Akka.Hosting: WithEasPersistence or AddSetup).");
    }

    /// <summary>
    /// HOCON that registers the serializer and binds <see cref="IPersistedMessage"/> to it. Akka picks the most
    /// specific binding, so every implementing type, including each member of a polymorphic hierarchy, uses it.
    /// </summary>
    public static Config Bindings { get; } = ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers { {{SerializerName}} = "{{QualifiedName(typeof(JsonManifestSerializer))}}" }
          serialization-bindings { "{{QualifiedName(typeof(IPersistedMessage))}}" = {{SerializerName}} }
        }
        """);

    /// <inheritdoc />
    public override int Identifier => SerializerId;

    /// <inheritdoc />
    public override string Manifest(object o) => _setup.ManifestOf(o.GetType());

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), _setup.SerializerOptions);

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        var type = _setup.TypeOf(manifest);
        try
        {
            return JsonSerializer.Deserialize(bytes, type, _setup.SerializerOptions)
                ?? throw new SerializationException($"The payload of manifest '{manifest}' is JSON null.");
        }
        catch (JsonException e)
        {
            throw new SerializationException($"The payload of manifest '{manifest}' cannot be read as {type.Name}: {e.Message}", e);
        }
    }

    private static string QualifiedName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
