using System.Text.Json;
using System.Text.Json.Serialization;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// A WBXML element (a Sync item's ApplicationData, a Provision document, a phone's Supported list) as the base64 of
/// its own WBXML encoding, read back by the same parser the edge uses, so the tree that arrives is the tree that
/// left: tags, string or opaque values, empty elements.
/// </summary>
/// <remarks>
/// The sizes are not limited here (only the depth is): the bytes come from a node of this cluster, which built or
/// already checked the tree, and the transport's frame size bounds the message.
/// </remarks>
internal sealed class WbxmlElementJsonConverter : JsonConverter<WbxmlElement>
{
    private static readonly WbxmlLimits Trusted = new()
    {
        MaxElements = int.MaxValue,
        MaxStringBytes = int.MaxValue,
        MaxOpaqueBytes = int.MaxValue,
        MaxDocumentBytes = int.MaxValue,
    };

    public override WbxmlElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return WbxmlDocument.Parse(reader.GetBytesFromBase64(), Trusted);
        }
        catch (WbxmlException e)
        {
            throw new JsonException($"A WBXML element does not parse: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, WbxmlElement value, JsonSerializerOptions options) =>
        writer.WriteBase64StringValue(WbxmlWriter.Encode(value));
}

/// <summary>
/// Fetched bytes (<see cref="BinaryContent"/>) in a reply that crosses between nodes: the base64 of the bytes, read
/// from the content's stream (a temporary file) on the sending node, which then disposes it; on the receiving node
/// they are content in memory. The device has already held such a reply to what the frame carries
/// (<see cref="Devices.FetchAllowance.CrossNodeBytes"/>).
/// </summary>
internal sealed class BinaryContentJsonConverter : JsonConverter<BinaryContent>
{
    public override BinaryContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        BinaryContent.FromBytes(reader.GetBytesFromBase64());

    public override void Write(Utf8JsonWriter writer, BinaryContent value, JsonSerializerOptions options)
    {
        using (value)
        {
            if (value.Length > Devices.FetchAllowance.CrossNodeBytes)
                throw new JsonException($"Fetched content of {value.Length} bytes is over the {Devices.FetchAllowance.CrossNodeBytes} bytes that cross between nodes.");
            var bytes = new byte[value.Length];
            value.Stream.ReadExactly(bytes);
            writer.WriteBase64StringValue(bytes);
        }
    }
}

/// <summary>A protocol version as its header form (<c>"14.1"</c>); only the versions MS-ASHTTP defines are read.</summary>
internal sealed class ProtocolVersionJsonConverter : JsonConverter<ProtocolVersion>
{
    public override ProtocolVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ProtocolVersion.TryParse(reader.GetString(), out var version)
            ? version
            : throw new JsonException("Not a supported ActiveSync protocol version.");

    public override void Write(Utf8JsonWriter writer, ProtocolVersion value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
