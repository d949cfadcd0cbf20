using Eas.Wire.CodePages;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.SmartForward;

/// <summary>
/// A SmartForward response (MS-ASCMD 2.2.1.19): success is an empty body, so this stands for a failure.
/// Its Status takes the common status codes (MS-ASCMD 2.2.3.177.16); a malformed request is answered with
/// <see cref="CommonStatus.InvalidXML"/>.
/// </summary>
public sealed record SmartForwardResponse(CommonStatus Status) : IEasResponse
{
    /// <summary>Writes the response: SmartForward with its Status.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version) => ComposeMailResponseWriter.Write(writer, ComposeMail.SmartForward, Status);
}
