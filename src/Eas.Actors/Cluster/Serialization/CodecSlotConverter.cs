using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Event;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// A property typed <see cref="object"/> (an envelope's message, a request's typed body) as
/// <c>{"kind": manifest, "value": …}</c>, where the kind comes from one closed <see cref="CodecTable"/>: only the
/// types that table names may stand in that place, and a value of any other type fails on the sending node.
/// </summary>
internal sealed class CodecSlotConverter(CodecTable table, Lazy<ILoggingAdapter> log) : JsonConverter<object>
{
    private const string KindProperty = "kind";
    private const string ValueProperty = "value";

    public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        MoveTo(ref reader, KindProperty);
        var codec = table.Of(reader.GetString() ?? throw new JsonException($"A kind among the {table.Name} is null."));
        MoveTo(ref reader, ValueProperty);
        var value = codec.Read(ref reader, options);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.EndObject);
        return value;
    }

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        var codec = table.Of(value.GetType());
        writer.WriteStartObject();
        writer.WriteString(KindProperty, codec.Manifest);
        writer.WritePropertyName(ValueProperty);
        codec.Write(writer, value, options, log.Value);
        writer.WriteEndObject();
    }

    /// <summary>Moves to the property <paramref name="name"/> (written in this order by <see cref="Write"/>) and onto its value.</summary>
    private void MoveTo(ref Utf8JsonReader reader, string name)
    {
        Expect(reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name));
        Expect(reader.Read());
    }

    private void Expect(bool condition)
    {
        if (!condition) throw new JsonException($"A value among the {table.Name} is not {{\"{KindProperty}\": …, \"{ValueProperty}\": …}}.");
    }
}
