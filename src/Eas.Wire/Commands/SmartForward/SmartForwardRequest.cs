using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.SmartForward;

/// <summary>
/// A SmartForward request in the 14.0+ WBXML form (MS-ASCMD 2.2.1.19): a forward whose original the
/// server attaches unless <see cref="ReplaceMime"/> is set; from 16.0 on it may forward a meeting to
/// <see cref="Forwardees"/>. Clients of 12.1 and earlier use <see cref="ComposeMailQueryRequest"/>.
/// </summary>
/// <param name="ClientId">The client's id for the message, 1-40 characters.</param>
/// <param name="Source">The message forwarded.</param>
/// <param name="Mime">The forward, usually sent as opaque bytes; a slice of the request buffer.</param>
public sealed record SmartForwardRequest(string ClientId, ComposeMailSource Source, ReadOnlyMemory<byte> Mime)
{
    /// <summary>The account to send from, 14.1+ (AccountId).</summary>
    public string? AccountId { get; init; }

    /// <summary>Whether to keep a copy in Sent Items (SaveInSentItems).</summary>
    public bool SaveInSentItems { get; init; }

    /// <summary>Whether the MIME is the whole message and the original must not be attached (ReplaceMime).</summary>
    public bool ReplaceMime { get; init; }

    /// <summary>The rights management template, 14.1+ (rm:TemplateID).</summary>
    public string? TemplateId { get; init; }

    /// <summary>The recipients of a forwarded meeting, 16.0+ (Forwardees).</summary>
    public ImmutableArray<ComposeMailForwardee> Forwardees { get; init; } = [];

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a SmartForward request for this version.</exception>
    public static SmartForwardRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var fields = ComposeMailReader.Read(new RequestReader(EasCommand.SmartForward, version), root, ComposeMail.SmartForward);
        return new SmartForwardRequest(fields.ClientId, fields.Source!, fields.Mime)
        {
            AccountId = fields.AccountId,
            SaveInSentItems = fields.SaveInSentItems,
            ReplaceMime = fields.ReplaceMime,
            TemplateId = fields.TemplateId,
            Forwardees = fields.Forwardees,
        };
    }
}
