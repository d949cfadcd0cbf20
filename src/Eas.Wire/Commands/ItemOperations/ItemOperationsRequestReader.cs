using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>Parses an ItemOperations request (MS-ASCMD 2.2.1.10): Fetch, EmptyFolderContents and Move operations.</summary>
internal static class ItemOperationsRequestReader
{
    public static ItemOperationsRequest Read(in RequestReader reader, WbxmlElement root)
    {
        reader.ExpectRoot(root, IoPage.ItemOperationsElement);
        if (!ItemOperationsVersionRules.AllowsCommand(reader.Version))
            throw reader.Fail(root.Tag, $"ItemOperations is not supported in protocol version {reader.Version} (MS-ASCMD 2.2.1.10)");
        var operations = ImmutableArray.CreateBuilder<ItemOperation>();
        foreach (var child in reader.NonEmptyContainer(root).Children)
        {
            switch (child.Tag)
            {
                case IoPage.Fetch:
                    operations.Add(ReadFetch(reader, child));
                    break;
                case IoPage.EmptyFolderContents:
                    operations.Add(ReadEmptyFolderContents(reader, child));
                    break;
                case IoPage.Move:
                    reader.RequireVersion(ItemOperationsVersionRules.AllowsMove(reader.Version), child, "MS-ASCMD 2.2.3.117.1");
                    operations.Add(ReadMove(reader, child));
                    break;
                default:
                    throw reader.Unexpected(root, child);
            }
        }

        return new ItemOperationsRequest(operations.ToImmutable());
    }

    private static ItemOperationsFetch ReadFetch(in RequestReader reader, WbxmlElement fetch)
    {
        string? store = null, serverId = null, collectionId = null, linkId = null, longId = null, fileReference = null;
        ItemOperationsFetchOptions? options = null;
        bool? removeProtection = null;
        foreach (var child in reader.NonEmptyContainer(fetch).Children)
        {
            switch (child.Tag)
            {
                case IoPage.Store:
                    reader.Once(ref store, child, reader.NonEmptyText(child));
                    break;
                case AirSync.ServerId:
                    reader.Once(ref serverId, child, reader.NonEmptyText(child, 64));
                    break;
                case AirSync.CollectionId:
                    reader.Once(ref collectionId, child, reader.NonEmptyText(child, 64));
                    break;
                case DocumentLibrary.LinkId:
                    reader.Once(ref linkId, child, reader.NonEmptyText(child));
                    break;
                case CodePages.Search.LongId:
                    reader.Once(ref longId, child, reader.NonEmptyText(child));
                    break;
                case AirSyncBase.FileReference:
                    reader.Once(ref fileReference, child, reader.NonEmptyText(child));
                    break;
                case IoPage.Options:
                    reader.Once(ref options, child, ItemOperationsOptionsReader.ReadFetchOptions(reader, child));
                    break;
                case RightsManagement.RemoveRightsManagementProtection:
                    reader.RequireVersion(ItemOperationsVersionRules.AllowsRightsManagement(reader.Version), child, "MS-ASRM 2.2.2.11");
                    reader.Empty(child);
                    reader.Once(ref removeProtection, child, true);
                    break;
                default:
                    throw reader.Unexpected(fetch, child);
            }
        }

        return new ItemOperationsFetch(store ?? throw reader.Missing(fetch, IoPage.Store))
        {
            ServerId = serverId,
            CollectionId = collectionId,
            LinkId = linkId,
            LongId = longId,
            FileReference = fileReference,
            Options = options,
            RemoveRightsManagementProtection = removeProtection ?? false,
        };
    }

    private static ItemOperationsEmptyFolderContents ReadEmptyFolderContents(in RequestReader reader, WbxmlElement empty)
    {
        string? collectionId = null;
        bool? deleteSubFolders = null;
        foreach (var child in reader.NonEmptyContainer(empty).Children)
        {
            switch (child.Tag)
            {
                case AirSync.CollectionId:
                    reader.Once(ref collectionId, child, reader.NonEmptyText(child, 64));
                    break;
                case IoPage.Options:
                    reader.Once(ref deleteSubFolders, child, ItemOperationsOptionsReader.ReadSingleFlag(reader, child, IoPage.DeleteSubFolders));
                    break;
                default:
                    throw reader.Unexpected(empty, child);
            }
        }

        return new ItemOperationsEmptyFolderContents(collectionId ?? throw reader.Missing(empty, AirSync.CollectionId))
        {
            DeleteSubFolders = deleteSubFolders ?? false,
        };
    }

    private static ItemOperationsMove ReadMove(in RequestReader reader, WbxmlElement move)
    {
        WbxmlElement? conversationId = null;
        string? dstFldId = null;
        bool? moveAlways = null;
        foreach (var child in reader.NonEmptyContainer(move).Children)
        {
            switch (child.Tag)
            {
                case IoPage.ConversationId:
                    if (child.HasChildren || child.RawValue.IsEmpty) throw reader.Fail(child.Tag, "ItemOperations:ConversationId must hold the conversation's bytes");
                    reader.Once(ref conversationId, child, child);
                    break;
                case IoPage.DstFldId:
                    reader.Once(ref dstFldId, child, reader.NonEmptyText(child, 64));
                    break;
                case IoPage.Options:
                    reader.Once(ref moveAlways, child, ItemOperationsOptionsReader.ReadSingleFlag(reader, child, IoPage.MoveAlways));
                    break;
                default:
                    throw reader.Unexpected(move, child);
            }
        }

        // A Move without DstFldId is still read: it is answered in its own Response with Status 156
        // (MoveCommandInvalidDestinationFolder, MS-ASCMD 2.2.2), and the other operations go on.
        return new ItemOperationsMove((conversationId ?? throw reader.Missing(move, IoPage.ConversationId)).RawValue, dstFldId)
        {
            MoveAlways = moveAlways ?? false,
        };
    }
}
