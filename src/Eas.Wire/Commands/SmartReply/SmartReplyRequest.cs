using Eas.Wire.CodePages;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.SmartReply;

/// <summary>
/// A SmartReply request in the 14.0+ WBXML form (MS-ASCMD 2.2.1.20): a reply whose original the server
/// appends unless <see cref="ReplaceMime"/> is set. Clients of 12.1 and earlier use
/// <see cref="ComposeMailQueryRequest"/>.
/// </summary>
/// <param name="ClientId">The client's id for the message, 1-40 characters.</param>
/// <param name="Source">The message replied to.</param>
/// <param name="Mime">The reply, usually sent as opaque bytes; a slice of the request buffer.</param>
public sealed record SmartReplyRequest(string ClientId, ComposeMailSource Source, ReadOnlyMemory<byte> Mime)
{
    /// <summary>The account to send from, 14.1+ (AccountId).</summary>
    public string? AccountId { get; init; }

    /// <summary>Whether to keep a copy in Sent Items (SaveInSentItems).</summary>
    public bool SaveInSentItems { get; init; }

    /// <summary>Whether the MIME is the whole message and the original must not be appended (ReplaceMime).</summary>
    public bool ReplaceMime { get; init; }

    /// <summary>The rights management template, 14.1+ (rm:TemplateID).</summary>
    public string? TemplateId { get; init; }

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a SmartReply request for this version.</exception>
    public static SmartReplyRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var fields = ComposeMailReader.Read(new RequestReader(EasCommand.SmartReply, version), root, ComposeMail.SmartReply);
        return new SmartReplyRequest(fields.ClientId, fields.Source!, fields.Mime)
        {
            AccountId = fields.AccountId,
            SaveInSentItems = fields.SaveInSentItems,
            ReplaceMime = fields.ReplaceMime,
            TemplateId = fields.TemplateId,
        };
    }
}
