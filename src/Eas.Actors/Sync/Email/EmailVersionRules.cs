using Eas.Wire.Http;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Which email elements each protocol version has, from the Protocol Versions table of each element's
/// section; the encoder asks here and leaves out what the version does not know. Elements not listed are
/// in every version from 2.5 to 16.1: To, Cc, From, Subject, ReplyTo, DateReceived, DisplayTo, ThreadTopic,
/// Importance, Read, MessageClass and InternetCPID (MS-ASEMAIL 2.2.2).
/// </summary>
public static class EmailVersionRules
{
    /// <summary>
    /// 2.5 only: email:Body, BodySize and BodyTruncated (MS-ASEMAIL 2.2.2.10.2, 2.2.2.12, 2.2.2.13), email:MIMEData,
    /// MIMESize and MIMETruncated (2.2.2.50-2.2.2.52), and email:Attachments with Attachment, AttName, AttSize,
    /// AttMethod, Att0Id and DisplayName (2.2.2.4.2, 2.2.2.6, 2.2.2.28). From 12.0 the AirSyncBase forms
    /// replace them.
    /// </summary>
    public static bool UsesEmailBody(ProtocolVersion version) => version < ProtocolVersion.V120;

    /// <summary>
    /// 12.0 and later: airsyncbase:Body (MS-ASEMAIL 2.2.2.10.1, MS-ASAIRS 2.2.2.9), airsyncbase:Attachments
    /// (2.2.2.4.1, MS-ASAIRS 2.2.2.8) and airsyncbase:NativeBodyType (MS-ASAIRS 2.2.2.32).
    /// </summary>
    public static bool UsesAirSyncBase(ProtocolVersion version) => version >= ProtocolVersion.V120;

    /// <summary>12.0 and later: email:Flag with Status, FlagType, CompleteTime and the tasks dates (MS-ASEMAIL 2.2.2.34, 2.2.2.74, 2.2.2.35, 2.2.2.19).</summary>
    public static bool AllowsFlag(ProtocolVersion version) => version >= ProtocolVersion.V120;

    /// <summary>12.0 and later: email:ContentClass (MS-ASEMAIL 2.2.2.20).</summary>
    public static bool AllowsContentClass(ProtocolVersion version) => version >= ProtocolVersion.V120;

    /// <summary>14.0 and later: email:Categories and Category (MS-ASEMAIL 2.2.2.16, 2.2.2.17).</summary>
    public static bool AllowsCategories(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>14.0 and later: airsyncbase:Preview in Body (MS-ASAIRS 2.2.2.35.1) and in BodyPreference (2.2.2.35.4).</summary>
    public static bool AllowsPreview(ProtocolVersion version) => version >= ProtocolVersion.V140;

    /// <summary>14.1 and later: airsyncbase:BodyPart with its Status (MS-ASAIRS 2.2.2.10, 2.2.2.37), asked for by BodyPartPreference (2.2.2.11).</summary>
    public static bool AllowsBodyPart(ProtocolVersion version) => version >= ProtocolVersion.V141;

    /// <summary>
    /// 14.0 and later: the Email2 page this encoder writes, email2:ConversationId and ConversationIndex
    /// (MS-ASEMAIL 2.2.2.21, 2.2.2.22; required in server responses), LastVerbExecuted and
    /// LastVerbExecutionTime (2.2.2.44, 2.2.2.45), ReceivedAsBcc and Sender.
    /// </summary>
    public static bool AllowsEmail2(ProtocolVersion version) => version >= ProtocolVersion.V140;
}
