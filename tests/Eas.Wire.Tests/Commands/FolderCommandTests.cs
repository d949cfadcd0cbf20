using Eas.Wire.Commands.FolderCreate;
using Eas.Wire.Commands.FolderDelete;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Commands.FolderUpdate;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

/// <summary>FolderSync, FolderCreate, FolderUpdate and FolderDelete (MS-ASCMD 2.2.1.3-2.2.1.6).</summary>
public sealed class FolderCommandTests
{
    [Fact]
    public void FolderSync_reads_the_sync_key()
    {
        FolderSyncRequest.Parse(CommandCorpus.Get("FolderSync", "request-12.1-next.xml").Tree(), V121)
            .SyncKey.ShouldBe("{7f3a9c20-51be-4d0e-9a2b-c1d44e0f8a11}3");
    }

    [Theory]
    [InlineData("<FolderSync xmlns=\"FolderHierarchy:\"/>", "FolderHierarchy:SyncKey")]
    [InlineData("<FolderSync xmlns=\"FolderHierarchy:\"><SyncKey>0</SyncKey><Status>1</Status></FolderSync>", "FolderHierarchy:Status")]
    [InlineData("<FolderCreate xmlns=\"FolderHierarchy:\"><SyncKey>0</SyncKey></FolderCreate>", "FolderHierarchy:FolderCreate")]
    public void FolderSync_rejects_malformed_requests(string xml, string element) =>
        Rejects(() => FolderSyncRequest.Parse(Xml(xml), V141), element);

    [Fact]
    public void MS_ASCMD_2_2_3_177_5_an_empty_SyncKey_is_read_as_a_key_the_server_never_issued()
    {
        FolderSyncRequest.Parse(Xml("<FolderSync xmlns=\"FolderHierarchy:\"><SyncKey/></FolderSync>"), V141).SyncKey.ShouldBe("");
        FolderDeleteRequest.Parse(Xml("<FolderDelete xmlns=\"FolderHierarchy:\"><SyncKey/><ServerId>5</ServerId></FolderDelete>"), V141).SyncKey.ShouldBe("");
    }

    [Fact]
    public void FolderSync_rejects_a_sync_key_longer_than_64_characters()
    {
        var xml = $"<FolderSync xmlns=\"FolderHierarchy:\"><SyncKey>{new string('k', 65)}</SyncKey></FolderSync>";
        Rejects(() => FolderSyncRequest.Parse(Xml(xml), V141), "FolderHierarchy:SyncKey");
    }

    [Fact]
    public void A_successful_FolderSync_without_changes_still_writes_a_count_of_zero()
    {
        var written = CorpusTypedTests.Write(w => new FolderSyncResponse(FolderSyncStatus.Success) { SyncKey = "2" }.Write(w, V141));

        DocumentAssert.Same(written, Xml("<FolderSync xmlns=\"FolderHierarchy:\"><Status>1</Status><SyncKey>2</SyncKey><Changes><Count>0</Count></Changes></FolderSync>"), "FolderSync");
    }

    [Fact]
    public void FolderCreate_reads_all_four_children()
    {
        var request = FolderCreateRequest.Parse(CommandCorpus.Get("FolderCreate", "request-12.0-contacts.xml").Tree(), V120);

        request.ShouldBe(new FolderCreateRequest("8", "9", "Kollegen", FolderType.UserCreatedContacts));
    }

    [Theory]
    [InlineData("<SyncKey>1</SyncKey><ParentId>0</ParentId><DisplayName>A</DisplayName>", "FolderHierarchy:Type")]
    [InlineData("<SyncKey>1</SyncKey><ParentId>0</ParentId><Type>12</Type>", "FolderHierarchy:DisplayName")]
    [InlineData("<SyncKey>1</SyncKey><DisplayName>A</DisplayName><Type>12</Type>", "FolderHierarchy:ParentId")]
    [InlineData("<ParentId>0</ParentId><DisplayName>A</DisplayName><Type>12</Type>", "FolderHierarchy:SyncKey")]
    [InlineData("<SyncKey>1</SyncKey><ParentId>0</ParentId><DisplayName>A</DisplayName><Type>mail</Type>", "FolderHierarchy:Type")]
    [InlineData("<SyncKey>1</SyncKey><ParentId>0</ParentId><DisplayName>A</DisplayName><Type>20</Type>", "FolderHierarchy:Type")]
    [InlineData("<SyncKey>1</SyncKey><ParentId>0</ParentId><DisplayName>A</DisplayName><Type>12</Type><ServerId>3</ServerId>", "FolderHierarchy:ServerId")]
    public void FolderCreate_rejects_malformed_requests(string children, string element) =>
        Rejects(() => FolderCreateRequest.Parse(Xml($"<FolderCreate xmlns=\"FolderHierarchy:\">{children}</FolderCreate>"), V141), element);

    [Fact]
    public void FolderUpdate_and_FolderDelete_read_their_children()
    {
        FolderUpdateRequest.Parse(CommandCorpus.Get("FolderUpdate", "request-2.5-move.xml").Tree(), V25)
            .ShouldBe(new FolderUpdateRequest("12", "31", "3", "Old projects"));
        FolderDeleteRequest.Parse(CommandCorpus.Get("FolderDelete", "request-14.1-plain.xml").Tree(), V141)
            .ShouldBe(new FolderDeleteRequest("5", "27"));
    }

    [Theory]
    [InlineData("<FolderUpdate xmlns=\"FolderHierarchy:\"><ServerId>3</ServerId><ParentId>0</ParentId><DisplayName>A</DisplayName></FolderUpdate>", "FolderHierarchy:SyncKey")]
    [InlineData("<FolderUpdate xmlns=\"FolderHierarchy:\"><SyncKey>1</SyncKey><ParentId>0</ParentId><DisplayName>A</DisplayName></FolderUpdate>", "FolderHierarchy:ServerId")]
    [InlineData("<FolderUpdate xmlns=\"FolderHierarchy:\"><SyncKey>1</SyncKey><ServerId>3</ServerId><ParentId>0</ParentId><DisplayName>A</DisplayName><Type>12</Type></FolderUpdate>", "FolderHierarchy:Type")]
    public void FolderUpdate_rejects_malformed_requests(string xml, string element) =>
        Rejects(() => FolderUpdateRequest.Parse(Xml(xml), V141), element);

    [Theory]
    [InlineData("<FolderDelete xmlns=\"FolderHierarchy:\"><SyncKey>1</SyncKey></FolderDelete>", "FolderHierarchy:ServerId")]
    [InlineData("<FolderDelete xmlns=\"FolderHierarchy:\"><SyncKey>1</SyncKey><ServerId><Add/></ServerId></FolderDelete>", "FolderHierarchy:ServerId")]
    public void FolderDelete_rejects_malformed_requests(string xml, string element) =>
        Rejects(() => FolderDeleteRequest.Parse(Xml(xml), V141), element);
}
