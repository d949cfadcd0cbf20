using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Akka.Event;
using Eas.Actors.Devices;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// The JSON options cluster messages are written with: the journal's conventions
/// (<see cref="JsonManifestSetup.CreateDefaultSerializerOptions"/>: camelCase, enums by name, unknown properties
/// skipped so a newer node's additions do not break an older one), plus what the Wire records need: protocol
/// versions, WBXML elements, fetched bytes, the discriminators of <see cref="WireKinds"/>, and the two properties typed
/// <see cref="object"/> that a closed table fills (<see cref="AccountEnvelope.Message"/>,
/// <see cref="DeviceRequest.Body"/>).
/// </summary>
internal static class ClusterJson
{
    public static JsonSerializerOptions CreateOptions(Lazy<ILoggingAdapter> log)
    {
        var messages = new CodecSlotConverter(ClusterManifests.Messages, log);
        var bodies = new CodecSlotConverter(WireKinds.RequestBodies, log);
        var options = JsonManifestSetup.CreateDefaultSerializerOptions();
        options.Converters.Add(new ProtocolVersionJsonConverter());
        options.Converters.Add(new WbxmlElementJsonConverter());
        options.Converters.Add(new BinaryContentJsonConverter());
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                WireKinds.AddPolymorphism,
                Slot(typeof(AccountEnvelope), nameof(AccountEnvelope.Message), messages),
                Slot(typeof(DeviceRequest), nameof(DeviceRequest.Body), bodies),
            },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A modifier that writes and reads the property <paramref name="property"/> of <paramref name="owner"/> with <paramref name="converter"/>.</summary>
    private static Action<JsonTypeInfo> Slot(Type owner, string property, JsonConverter converter) => info =>
    {
        if (info.Type != owner) return;
        foreach (var candidate in info.Properties)
        {
            if (candidate.AttributeProvider is PropertyInfo { Name: var name } && name == property) candidate.CustomConverter = converter;
        }
    };
}
