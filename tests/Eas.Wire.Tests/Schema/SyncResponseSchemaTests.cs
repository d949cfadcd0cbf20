using Eas.Integration.Tests.Support.Schema;
using static Eas.Wire.Tests.Schema.SchemaCase;

namespace Eas.Wire.Tests.Schema;

/// <summary>The Sync response's structure (MS-ASCMD 2.2.1.21, 6.46), conforming and broken.</summary>
public sealed class SyncResponseSchemaTests
{
    private const string Email = """
        <Sync xmlns="AirSync:" xmlns:email="Email:" xmlns:airsyncbase="AirSyncBase:">
          <Collections><Collection>
            <SyncKey>2</SyncKey><CollectionId>1</CollectionId><Status>1</Status>
            <Commands>
              <Add><ServerId>1:1</ServerId><ApplicationData>
                <email:Subject>Hi</email:Subject>
                <airsyncbase:Body><airsyncbase:Type>2</airsyncbase:Type><airsyncbase:EstimatedDataSize>5</airsyncbase:EstimatedDataSize><airsyncbase:Data>hello</airsyncbase:Data></airsyncbase:Body>
                <airsyncbase:BodyPart><airsyncbase:Status>1</airsyncbase:Status><airsyncbase:Type>2</airsyncbase:Type><airsyncbase:EstimatedDataSize>5</airsyncbase:EstimatedDataSize></airsyncbase:BodyPart>
                <email:Read>0</email:Read>
              </ApplicationData></Add>
              <Change><ServerId>1:2</ServerId><ApplicationData><email:Read>1</email:Read></ApplicationData></Change>
            </Commands>
            <MoreAvailable/>
          </Collection></Collections>
        </Sync>
        """;

    [Fact]
    public void MS_ASCMD_6_46_an_email_sync_with_body_part_and_more_available_after_commands_conforms() => Conforms("Sync", Email);

    [Fact]
    public void MS_ASCMD_2_2_3_180_a_status_only_sync_and_a_limit_conform()
    {
        Conforms("Sync", """<Sync xmlns="AirSync:"><Status>13</Status></Sync>""");
        Conforms("Sync", """<Sync xmlns="AirSync:"><Status>14</Status><Limit>59</Limit></Sync>""");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_180_limit_and_collections_together_break_the_choice() =>
        Breaks("Sync", """<Sync xmlns="AirSync:"><Status>15</Status><Limit>5</Limit><Collections/></Sync>""", SchemaViolationKind.WrongOrder, "Sync");

    [Fact]
    public void MS_ASCMD_2_2_3_181_4_a_collection_without_its_sync_key_is_missing_a_required_element() =>
        Breaks("Sync", """<Sync xmlns="AirSync:"><Collections><Collection><CollectionId>1</CollectionId><Status>8</Status></Collection></Collections></Sync>""",
            SchemaViolationKind.Missing, "Sync/Collections/Collection");

    [Fact]
    public void MS_ASCMD_6_46_server_id_before_class_in_a_delete_is_out_of_order() =>
        Breaks("Sync", """
            <Sync xmlns="AirSync:"><Collections><Collection><SyncKey>2</SyncKey><CollectionId>1</CollectionId><Status>1</Status>
              <Commands><Delete><ServerId>1:1</ServerId><Class>Email</Class></Delete></Commands>
            </Collection></Collections></Sync>
            """, SchemaViolationKind.WrongOrder, "Sync/Collections/Collection/Commands/Delete");

    [Fact]
    public void MS_ASCMD_2_2_3_32_empty_commands_break_the_rule_of_at_least_one_operation() =>
        Breaks("Sync", """<Sync xmlns="AirSync:"><Collections><Collection><SyncKey>2</SyncKey><CollectionId>1</CollectionId><Status>1</Status><Commands/></Collection></Collections></Sync>""",
            SchemaViolationKind.Missing, "Sync/Collections/Collection/Commands");

    [Fact]
    public void MS_ASAIRS_2_2_2_9_a_body_without_its_type_is_missing_a_required_element() =>
        Breaks("Sync", """
            <Sync xmlns="AirSync:" xmlns:airsyncbase="AirSyncBase:"><Collections><Collection><SyncKey>2</SyncKey><CollectionId>1</CollectionId><Status>1</Status>
              <Responses><Fetch><ServerId>1:1</ServerId><Status>1</Status><ApplicationData>
                <airsyncbase:Body><airsyncbase:Data>x</airsyncbase:Data></airsyncbase:Body>
              </ApplicationData></Fetch></Responses>
            </Collection></Collections></Sync>
            """, SchemaViolationKind.Missing, "Sync/Collections/Collection/Responses/Fetch/ApplicationData/Body");

    [Fact]
    public void MS_ASCMD_6_46_a_response_add_that_starts_with_its_status_is_missing_its_client_id() =>
        Breaks("Sync", """
            <Sync xmlns="AirSync:"><Collections><Collection><SyncKey>2</SyncKey><CollectionId>1</CollectionId><Status>1</Status>
              <Responses><Add><Status>6</Status><ClientId>c1</ClientId></Add></Responses>
            </Collection></Collections></Sync>
            """, SchemaViolationKind.Missing, "Sync/Collections/Collection/Responses/Add");
}
