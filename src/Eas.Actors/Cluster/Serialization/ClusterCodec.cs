using System.Text.Json;
using Akka.Event;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// How one type crosses between nodes: the explicit manifest the receiving node reads it by, and its JSON form.
/// Most messages are their own JSON form (<see cref="JsonCodec{T}"/>); a few are written as a wire record of their
/// own (<see cref="SurrogateCodec{T,TWire}"/>) because what they hold cannot travel as it is: a stream, an exception.
/// </summary>
internal abstract class ClusterCodec(string manifest, Type type)
{
    /// <summary>The name the type travels under; never a CLR name, so renaming a type does not break a rolling upgrade.</summary>
    public string Manifest { get; } = manifest;

    /// <summary>The type written and read.</summary>
    public Type Type { get; } = type;

    /// <summary>Writes <paramref name="message"/> as one JSON value.</summary>
    public abstract void Write(Utf8JsonWriter writer, object message, JsonSerializerOptions options, ILoggingAdapter log);

    /// <summary>Reads one JSON value, the reader standing on its first token or just before it.</summary>
    public abstract object Read(ref Utf8JsonReader reader, JsonSerializerOptions options);
}

/// <summary>A type that is its own JSON form.</summary>
internal sealed class JsonCodec<T>(string manifest) : ClusterCodec(manifest, typeof(T))
    where T : class
{
    public override void Write(Utf8JsonWriter writer, object message, JsonSerializerOptions options, ILoggingAdapter log) =>
        JsonSerializer.Serialize(writer, (T)message, options);

    public override object Read(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(ref reader, options) ?? throw new JsonException($"The payload of '{Manifest}' is JSON null.");
}

/// <summary>
/// A type that travels as a wire record: <c>toWire</c> runs on the sending node, <c>fromWire</c> on the receiving
/// one, and may answer another type than <typeparamref name="T"/> where the original cannot be rebuilt there.
/// </summary>
internal sealed class SurrogateCodec<T, TWire>(string manifest, Func<T, ILoggingAdapter, TWire> toWire, Func<TWire, object> fromWire)
    : ClusterCodec(manifest, typeof(T))
    where T : class
    where TWire : class
{
    public override void Write(Utf8JsonWriter writer, object message, JsonSerializerOptions options, ILoggingAdapter log) =>
        JsonSerializer.Serialize(writer, toWire((T)message, log), options);

    public override object Read(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        fromWire(JsonSerializer.Deserialize<TWire>(ref reader, options) ?? throw new JsonException($"The payload of '{Manifest}' is JSON null."));
}
