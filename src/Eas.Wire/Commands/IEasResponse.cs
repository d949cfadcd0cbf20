using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands;

/// <summary>A command response the host encodes: it writes its own root element for the request's protocol version.</summary>
public interface IEasResponse
{
    /// <summary>Writes the whole response document body (the root element and everything in it).</summary>
    void Write(WbxmlWriter writer, ProtocolVersion version);
}
