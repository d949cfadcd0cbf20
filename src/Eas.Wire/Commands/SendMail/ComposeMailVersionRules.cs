using Eas.Wire.Http;

namespace Eas.Wire.Commands.SendMail;

/// <summary>
/// Which ComposeMail elements each protocol version allows, for SendMail, SmartReply and SmartForward
/// (MS-ASCMD 2.2.1.17, 2.2.1.19, 2.2.1.20); the parsers ask only here.
/// </summary>
public static class ComposeMailVersionRules
{
    /// <summary>
    /// The WBXML ComposeMail body: 14.0 and later. Up to 12.1 the body is the raw MIME message and the
    /// parameters travel in the query (<see cref="ComposeMailQueryRequest"/>).
    /// </summary>
    public static bool UsesWbxmlBody(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>AccountId: 14.1 and later, with the Accounts of Settings UserInformation (MS-ASCMD 2.2.3.3.1).</summary>
    public static bool AllowsAccountId(ProtocolVersion version) => version >= ProtocolVersion.V141;

    /// <summary>rm:TemplateID, to protect the message with a rights management template: 14.1 and later (MS-ASRM 2.2.2.19).</summary>
    public static bool AllowsTemplateId(ProtocolVersion version) => version >= ProtocolVersion.V141;

    /// <summary>Forwardees in SmartForward, to forward a meeting: 16.0 and later (MS-ASCMD 2.2.3.78).</summary>
    public static bool AllowsForwardees(ProtocolVersion version) => version >= ProtocolVersion.V160;
}
