using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;
using GiePage = Eas.Wire.CodePages.GetItemEstimate;
using PingPage = Eas.Wire.CodePages.Ping;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>Ping, GetItemEstimate, MoveItems, MeetingResponse and the ComposeMail commands' responses (MS-ASCMD section 6).</summary>
internal static class MailboxResponseSchemas
{
    /// <summary>Ping (6.35): Status, Folders (one or more Folder), MaxFolders, HeartbeatInterval.</summary>
    public static readonly SchemaElement Ping = Node(PingPage.PingElement,
        Value(PingPage.Status),
        Node(PingPage.Folders, Value(PingPage.Folder).Many()).Optional(),
        Value(PingPage.MaxFolders).Optional(),
        Value(PingPage.HeartbeatInterval).Optional());

    /// <summary>
    /// GetItemEstimate (6.21): an optional Status, then Response elements of Status and an optional Collection.
    /// The prose lists Class as a child of the response's Collection (2.2.3.29.1), the schema does not; it is
    /// taken, before CollectionId as in the request.
    /// </summary>
    public static readonly SchemaElement GetItemEstimate = Node(GiePage.GetItemEstimateElement,
        Value(GiePage.Status).Optional(),
        Node(GiePage.Response,
            Value(GiePage.Status),
            Node(GiePage.Collection,
                Value(GiePage.Class).Optional(),
                Value(GiePage.CollectionId),
                Value(GiePage.Estimate).Optional()).Optional()).Optional().Many());

    /// <summary>
    /// MoveItems (6.31): Response elements of SrcMsgId, Status and DstMsgId. A top-level Status is taken before
    /// them for the common status codes of 14.0 and later (MS-ASCMD 2.2.2), as Exchange's own schema copy has it.
    /// </summary>
    public static readonly SchemaElement MoveItems = Node(Move.MoveItems,
        Value(Move.Status).Optional(),
        Node(Move.Response, Value(Move.SrcMsgId), Value(Move.Status), Value(Move.DstMsgId).Optional()).Optional().Many());

    /// <summary>MeetingResponse (6.26): Result elements of RequestId, Status, CalendarId and InstanceId.</summary>
    public static readonly SchemaElement MeetingResponse = Node(Eas.Wire.CodePages.MeetingResponse.MeetingResponseElement,
        Node(Eas.Wire.CodePages.MeetingResponse.Result,
            Value(Eas.Wire.CodePages.MeetingResponse.RequestId).Optional(),
            Value(Eas.Wire.CodePages.MeetingResponse.Status),
            Value(Eas.Wire.CodePages.MeetingResponse.CalendarId).Optional(),
            Value(Eas.Wire.CodePages.MeetingResponse.InstanceId).Optional()).Many());

    /// <summary>SendMail, SmartReply, SmartForward (6.38, 6.42, 6.40): nothing but an optional Status.</summary>
    public static SchemaElement StatusOnly(ushort root) => Node(root, All(Value(ComposeMail.Status).Optional()));
}
