using Eas.Wire.CodePages;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.SmartReply;

/// <summary>
/// A SmartReply response (MS-ASCMD 2.2.1.20): success is an empty body, so this stands for a failure. Its
/// Status takes the common status codes (MS-ASCMD 2.2.3.177.16); a malformed request is answered with
/// <see cref="CommonStatus.InvalidXML"/>.
/// </summary>
public sealed record SmartReplyResponse(CommonStatus Status) : IEasResponse
{
    /// <summary>Writes the response: SmartReply with its Status.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version) => ComposeMailResponseWriter.Write(writer, ComposeMail.SmartReply, Status);
}
