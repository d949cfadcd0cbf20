using Eas.Integration.Tests.Support.Schema;
using static Eas.Wire.Tests.Schema.SchemaCase;

namespace Eas.Wire.Tests.Schema;

/// <summary>FolderSync, FolderCreate, FolderUpdate and FolderDelete responses (MS-ASCMD 6.11 to 6.17), conforming and broken.</summary>
public sealed class FolderResponseSchemaTests
{
    [Fact]
    public void MS_ASCMD_6_15_a_folder_sync_with_count_updates_deletes_and_adds_in_that_order_conforms() =>
        Conforms("FolderSync", """
            <FolderSync xmlns="FolderHierarchy:"><Status>1</Status><SyncKey>2</SyncKey><Changes><Count>3</Count>
              <Update><ServerId>3</ServerId><ParentId>0</ParentId><DisplayName>A</DisplayName><Type>12</Type></Update>
              <Delete><ServerId>7</ServerId></Delete>
              <Add><ServerId>8</ServerId><ParentId>0</ParentId><DisplayName>B</DisplayName><Type>12</Type></Add>
            </Changes></FolderSync>
            """);

    [Fact]
    public void MS_ASCMD_6_15_an_add_before_a_delete_is_out_of_order() =>
        Breaks("FolderSync", """
            <FolderSync xmlns="FolderHierarchy:"><Status>1</Status><SyncKey>2</SyncKey><Changes><Count>2</Count>
              <Add><ServerId>8</ServerId><ParentId>0</ParentId><DisplayName>B</DisplayName><Type>12</Type></Add>
              <Delete><ServerId>7</ServerId></Delete>
            </Changes></FolderSync>
            """, SchemaViolationKind.WrongOrder, "FolderSync/Changes");

    [Fact]
    public void MS_ASCMD_6_15_a_folder_without_its_parent_id_is_missing_a_required_element() =>
        Breaks("FolderSync", """
            <FolderSync xmlns="FolderHierarchy:"><Status>1</Status><SyncKey>2</SyncKey><Changes>
              <Add><ServerId>8</ServerId><DisplayName>B</DisplayName><Type>12</Type></Add>
            </Changes></FolderSync>
            """, SchemaViolationKind.Missing, "FolderSync/Changes/Add");

    [Fact]
    public void MS_ASCMD_6_11_a_folder_create_is_status_sync_key_server_id()
    {
        Conforms("FolderCreate", """<FolderCreate xmlns="FolderHierarchy:"><Status>1</Status><SyncKey>4</SyncKey><ServerId>27</ServerId></FolderCreate>""");
        Breaks("FolderCreate", """<FolderCreate xmlns="FolderHierarchy:"><Status>1</Status><ServerId>27</ServerId><SyncKey>4</SyncKey></FolderCreate>""",
            SchemaViolationKind.WrongOrder, "FolderCreate");
        Breaks("FolderCreate", """<FolderCreate xmlns="FolderHierarchy:"><SyncKey>4</SyncKey></FolderCreate>""", SchemaViolationKind.Missing, "FolderCreate");
    }

    [Fact]
    public void MS_ASCMD_6_13_and_6_17_folder_delete_and_update_are_status_then_sync_key()
    {
        Conforms("FolderDelete", """<FolderDelete xmlns="FolderHierarchy:"><Status>1</Status><SyncKey>6</SyncKey></FolderDelete>""");
        Conforms("FolderUpdate", """<FolderUpdate xmlns="FolderHierarchy:"><Status>4</Status></FolderUpdate>""");
        Breaks("FolderUpdate", """<FolderUpdate xmlns="FolderHierarchy:"><SyncKey>5</SyncKey><Status>1</Status></FolderUpdate>""", SchemaViolationKind.Missing, "FolderUpdate");
        Breaks("FolderDelete", """<FolderDelete xmlns="FolderHierarchy:"><Status>1</Status><SyncKey>6</SyncKey><SyncKey>6</SyncKey></FolderDelete>""",
            SchemaViolationKind.TooMany, "FolderDelete");
    }
}
