using Eas.Wire.Commands;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;
using static Eas.Wire.Tests.Commands.RequestTesting;

namespace Eas.Wire.Tests.Commands;

public sealed class ItemOperationsTests
{
    [Fact]
    public void Operations_are_typed_in_request_order()
    {
        var request = ItemOperationsRequest.Parse(CommandCorpus.Get("ItemOperations", "request-14.1-mixed.xml").Tree(), V141);

        request.Operations.Length.ShouldBe(4);
        var fetch = request.Operations[0].ShouldBeOfType<ItemOperationsFetch>();
        fetch.Store.ShouldBe("Mailbox");
        fetch.CollectionId.ShouldBe("5");
        fetch.ServerId.ShouldBe("5:9");
        fetch.RemoveRightsManagementProtection.ShouldBeTrue();
        fetch.Options!.MimeSupport.ShouldBe(SyncMimeSupport.SmimeOnly);
        fetch.Options.BodyPreferences.ShouldBe([new BodyPreference(BodyType.Html) { TruncationSize = 5120 }]);
        fetch.Options.RightsManagementSupport.ShouldBe(true);
        var attachment = request.Operations[1].ShouldBeOfType<ItemOperationsFetch>();
        attachment.FileReference.ShouldBe("5%3a9%3a0");
        attachment.Options!.Range.ShouldBe("0-1023");
        request.Operations[2].ShouldBeOfType<ItemOperationsEmptyFolderContents>().ShouldSatisfyAllConditions(
            e => e.CollectionId.ShouldBe("4"), e => e.DeleteSubFolders.ShouldBeTrue());
        var move = request.Operations[3].ShouldBeOfType<ItemOperationsMove>();
        move.ConversationId.ToArray().ShouldBe("BCDEF"u8.ToArray());
        move.DstFldId.ShouldBe("12");
        move.MoveAlways.ShouldBeTrue();
    }

    [Fact]
    public void The_schema_is_kept_as_an_element()
    {
        var request = ItemOperationsRequest.Parse(CommandCorpus.Get("ItemOperations", "request-12.1-schema.xml").Tree(), V121);

        var schema = request.Operations[0].ShouldBeOfType<ItemOperationsFetch>().Options!.Schema!;
        schema.Element(Eas.Wire.CodePages.Email.Subject).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("request-14.1-mixed.xml", "14.0", "RightsManagement:RightsManagementSupport")]
    [InlineData("request-12.1-schema.xml", "2.5", "ItemOperations:ItemOperations")]
    public void Version_rules_reject_what_the_version_lacks(string file, string version, string element) =>
        Rejects(() => ItemOperationsRequest.Parse(CommandCorpus.Get("ItemOperations", file).Tree(), Version(version)), element);

    [Fact]
    public void MS_ASCMD_2_2_2_a_move_without_DstFldId_is_read_so_its_own_Response_can_say_156()
    {
        const string xml = "<ItemOperations xmlns=\"ItemOperations:\"><Move><ConversationId>x</ConversationId></Move></ItemOperations>";
        var move = ItemOperationsRequest.Parse(Xml(xml), V141).Operations.ShouldHaveSingleItem().ShouldBeOfType<ItemOperationsMove>();
        move.DstFldId.ShouldBeNull();
    }

    [Fact]
    public void A_conversation_move_is_rejected_before_14_0()
    {
        const string xml = "<ItemOperations xmlns=\"ItemOperations:\"><Move><ConversationId>x</ConversationId><DstFldId>1</DstFldId></Move></ItemOperations>";
        Rejects(() => ItemOperationsRequest.Parse(Xml(xml), V121), "ItemOperations:Move");
        Should.NotThrow(() => ItemOperationsRequest.Parse(Xml(xml), V140));
    }

    [Theory]
    [InlineData("<Fetch><airsync:ServerId>1</airsync:ServerId></Fetch>", "ItemOperations:Store")]
    [InlineData("<Fetch><Store>Mailbox</Store><Options><DeleteSubFolders/></Options></Fetch>", "ItemOperations:DeleteSubFolders")]
    [InlineData("<EmptyFolderContents><Options><DeleteSubFolders/></Options></EmptyFolderContents>", "AirSync:CollectionId")]
    [InlineData("<EmptyFolderContents><airsync:CollectionId>1</airsync:CollectionId><Options><MoveAlways/></Options></EmptyFolderContents>", "ItemOperations:MoveAlways")]
    [InlineData("<Move><DstFldId>1</DstFldId></Move>", "ItemOperations:ConversationId")]
    [InlineData("<Fetch><Store>Mailbox</Store><rm:RemoveRightsManagementProtection>1</rm:RemoveRightsManagementProtection></Fetch>", "RightsManagement:RemoveRightsManagementProtection")]
    [InlineData("<Response/>", "ItemOperations:Response")]
    public void Malformed_requests_name_the_element(string children, string element) =>
        Rejects(() => ItemOperationsRequest.Parse(Xml($"<ItemOperations xmlns=\"ItemOperations:\" xmlns:airsync=\"AirSync:\" xmlns:rm=\"RightsManagement:\">{children}</ItemOperations>"), V141), element);

    [Theory]
    [InlineData("<airsyncbase:TruncationSize>10</airsyncbase:TruncationSize><airsyncbase:Type>1</airsyncbase:Type>", "AirSyncBase:Type")]
    [InlineData("<airsyncbase:Type>1</airsyncbase:Type><airsyncbase:AllOrNone>1</airsyncbase:AllOrNone><airsyncbase:TruncationSize>10</airsyncbase:TruncationSize>", "AirSyncBase:TruncationSize")]
    [InlineData("<airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Preview>10</airsyncbase:Preview><airsyncbase:AllOrNone>1</airsyncbase:AllOrNone>", "AirSyncBase:AllOrNone")]
    public void MS_ASAIRS_2_2_2_12_body_preference_children_out_of_order_are_a_protocol_error(string children, string element)
    {
        var xml = "<ItemOperations xmlns=\"ItemOperations:\" xmlns:airsyncbase=\"AirSyncBase:\"><Fetch><Store>Mailbox</Store><Options>"
            + $"<airsyncbase:BodyPreference>{children}</airsyncbase:BodyPreference></Options></Fetch></ItemOperations>";
        Rejects(() => ItemOperationsRequest.Parse(Xml(xml), V141), element);
        Rejects(() => ItemOperationsRequest.Parse(Xml(xml.Replace("BodyPreference", "BodyPartPreference", StringComparison.Ordinal).Replace(">1</airsyncbase:Type>", ">2</airsyncbase:Type>", StringComparison.Ordinal)), V141), element);
    }

    [Fact]
    public void MS_ASAIRS_2_2_2_12_body_preference_children_in_order_are_read()
    {
        const string xml = "<ItemOperations xmlns=\"ItemOperations:\" xmlns:airsyncbase=\"AirSyncBase:\"><Fetch><Store>Mailbox</Store><Options>"
            + "<airsyncbase:BodyPreference><airsyncbase:Type>3</airsyncbase:Type><airsyncbase:TruncationSize>10</airsyncbase:TruncationSize>"
            + "<airsyncbase:AllOrNone>1</airsyncbase:AllOrNone><airsyncbase:Preview>5</airsyncbase:Preview></airsyncbase:BodyPreference></Options></Fetch></ItemOperations>";
        var fetch = (ItemOperationsFetch)ItemOperationsRequest.Parse(Xml(xml), V141).Operations.Single();

        fetch.Options!.BodyPreferences.ShouldBe([new BodyPreference(BodyType.Rtf) { TruncationSize = 10, AllOrNone = true, Preview = 5 }]);
    }

    [Fact]
    public void A_move_result_writes_the_conversation_id_as_opaque_bytes()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new WbxmlWriter(buffer);
        new ItemOperationsResponse(ItemOperationsStatus.Success) { Results = [new ItemOperationsMoveResult(ItemOperationsStatus.Success, new byte[] { 0x00, 0xFF })] }.Write(writer, V141);

        // SWITCH_PAGE 20; ItemOperations, Status "1", Response, Move, Status "1", ConversationId OPAQUE(2) 00 FF; ENDs.
        Convert.ToHexString(buffer.WrittenSpan).ShouldBe("03016A00" + "0014" + "45" + "4D03310001" + "4E" + "56" + "4D03310001" + "58C30200FF01" + "010101");
    }

    [Fact]
    public void File_properties_carry_the_content_type_range_and_total_only() =>
        ItemOperationsBodyTests.Listed(ItemOperationsProperties.File(contentType: "image/png", range: "0-1", total: 2))
            .ShouldBe([("ContentType", "image/png"), ("Range", "0-1"), ("Total", "2")]);
}
