using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.SendMail;

/// <summary>
/// A SendMail response (MS-ASCMD 2.2.1.17): success is an empty HTTP 200 body, so this record stands for a
/// failure only. Its Status takes the common status codes (MS-ASCMD 2.2.3.177.14, 2.2.2), for example
/// <see cref="CommonStatus.MessagePreviouslySent"/>; a request <see cref="SendMailRequest.Parse"/> rejects
/// is answered with <see cref="CommonStatus.InvalidXML"/> (<see cref="CommonStatus.InvalidCombinationOfIDs"/> for a missing element).
/// </summary>
public sealed record SendMailResponse(CommonStatus Status) : IEasResponse
{
    /// <summary>Writes the response: SendMail with its Status.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version) => ComposeMailResponseWriter.Write(writer, ComposeMail.SendMail, Status);
}
