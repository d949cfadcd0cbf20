using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.SendMail;

/// <summary>
/// A SendMail request in the 14.0+ WBXML form (MS-ASCMD 2.2.1.17): a new message as MIME. Clients of
/// 12.1 and earlier send the MIME as the body instead (<see cref="ComposeMailQueryRequest"/>).
/// </summary>
/// <param name="ClientId">The client's id for the message, 1-40 characters, to detect resends (ClientId).</param>
/// <param name="Mime">The message, usually sent as opaque bytes; a slice of the request buffer.</param>
public sealed record SendMailRequest(string ClientId, ReadOnlyMemory<byte> Mime)
{
    /// <summary>The account to send from, 14.1+ (AccountId); null for the primary account.</summary>
    public string? AccountId { get; init; }

    /// <summary>Whether to keep a copy in Sent Items (SaveInSentItems).</summary>
    public bool SaveInSentItems { get; init; }

    /// <summary>The rights management template to protect the message with, 14.1+ (rm:TemplateID).</summary>
    public string? TemplateId { get; init; }

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a SendMail request for this version.</exception>
    public static SendMailRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var fields = ComposeMailReader.Read(new RequestReader(EasCommand.SendMail, version), root, ComposeMail.SendMail);
        return new SendMailRequest(fields.ClientId, fields.Mime)
        {
            AccountId = fields.AccountId,
            SaveInSentItems = fields.SaveInSentItems,
            TemplateId = fields.TemplateId,
        };
    }
}
