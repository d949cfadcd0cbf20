using Eas.Integration.Tests.Support.Schema;
using static Eas.Wire.Tests.Schema.SchemaCase;

namespace Eas.Wire.Tests.Schema;

/// <summary>Ping, GetItemEstimate, MoveItems and ComposeMail responses (MS-ASCMD section 6), conforming and broken.</summary>
public sealed class MailboxResponseSchemaTests
{
    [Fact]
    public void MS_ASCMD_6_35_a_ping_is_status_folders_max_folders_heartbeat_interval()
    {
        Conforms("Ping", """<Ping xmlns="Ping:"><Status>2</Status><Folders><Folder>5</Folder><Folder>9</Folder></Folders></Ping>""");
        Conforms("Ping", """<Ping xmlns="Ping:"><Status>5</Status><HeartbeatInterval>60</HeartbeatInterval></Ping>""");
        Breaks("Ping", """<Ping xmlns="Ping:"><Status>6</Status><HeartbeatInterval>60</HeartbeatInterval><MaxFolders>200</MaxFolders></Ping>""",
            SchemaViolationKind.WrongOrder, "Ping");
        Breaks("Ping", """<Ping xmlns="Ping:"><Status>2</Status><Folders/></Ping>""", SchemaViolationKind.Missing, "Ping/Folders");
    }

    [Fact]
    public void MS_ASCMD_6_21_a_get_item_estimate_is_responses_of_status_and_collection()
    {
        Conforms("GetItemEstimate", """
            <GetItemEstimate xmlns="GetItemEstimate:"><Response><Status>1</Status><Collection><CollectionId>5</CollectionId><Estimate>17</Estimate></Collection></Response>
            <Response><Status>4</Status></Response></GetItemEstimate>
            """);
        Conforms("GetItemEstimate", """<GetItemEstimate xmlns="GetItemEstimate:"><Status>2</Status></GetItemEstimate>""");
        Breaks("GetItemEstimate", """<GetItemEstimate xmlns="GetItemEstimate:"><Response><Collection><CollectionId>5</CollectionId></Collection><Status>1</Status></Response></GetItemEstimate>""",
            SchemaViolationKind.Missing, "GetItemEstimate/Response");
        Breaks("GetItemEstimate", """<GetItemEstimate xmlns="GetItemEstimate:"><Response><Status>1</Status><Collection><Estimate>1</Estimate><CollectionId>5</CollectionId></Collection></Response></GetItemEstimate>""",
            SchemaViolationKind.Missing, "GetItemEstimate/Response/Collection");
    }

    [Fact]
    public void MS_ASCMD_6_31_a_move_items_response_is_src_msg_id_status_dst_msg_id()
    {
        Conforms("MoveItems", """<MoveItems xmlns="Move:"><Response><SrcMsgId>5:1</SrcMsgId><Status>3</Status><DstMsgId>7:1</DstMsgId></Response></MoveItems>""");
        Breaks("MoveItems", """<MoveItems xmlns="Move:"><Response><Status>3</Status><SrcMsgId>5:1</SrcMsgId></Response></MoveItems>""",
            SchemaViolationKind.Missing, "MoveItems/Response");
        Breaks("MoveItems", """<MoveItems xmlns="Move:"><Response><SrcMsgId>5:1</SrcMsgId><DstMsgId>7:1</DstMsgId><Status>3</Status></Response></MoveItems>""",
            SchemaViolationKind.Missing, "MoveItems/Response");
    }

    [Theory]
    [InlineData("SendMail")]
    [InlineData("SmartReply")]
    [InlineData("SmartForward")]
    public void MS_ASCMD_6_38_compose_mail_responses_hold_at_most_a_status(string command)
    {
        Conforms(command, $"""<{command} xmlns="ComposeMail:"><Status>120</Status></{command}>""");
        Conforms(command, $"""<{command} xmlns="ComposeMail:"/>""");
        Breaks(command, $"""<{command} xmlns="ComposeMail:"><Status>120</Status><Status>120</Status></{command}>""", SchemaViolationKind.TooMany, command);
        Breaks(command, $"""<{command} xmlns="ComposeMail:"><ClientId>1</ClientId></{command}>""", SchemaViolationKind.Unexpected, command);
    }
}
