using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Wire.Commands.ItemOperations;

/// <summary>
/// An ItemOperations response (MS-ASCMD 2.2.1.10): the global Status, then a Response element holding one
/// result per operation, in request order. A Fetch result is Status, CollectionId, ServerId, LinkId,
/// LongId, FileReference, Class, Properties.
/// </summary>
public sealed record ItemOperationsResponse(ItemOperationsStatus Status) : IEasResponse
{
    /// <summary>The operations' results; Response is left out when empty.</summary>
    public ImmutableArray<ItemOperationResult> Results { get; init; } = [];

    /// <summary>Writes the response.</summary>
    public void Write(WbxmlWriter writer, ProtocolVersion version)
    {
        writer.StartElement(IoPage.ItemOperationsElement);
        writer.WriteStatus(IoPage.Status, Status);
        if (!Results.IsDefaultOrEmpty)
        {
            writer.StartElement(IoPage.Response);
            foreach (var result in Results) WriteResult(writer, result);
            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteResult(WbxmlWriter writer, ItemOperationResult result)
    {
        switch (result)
        {
            case ItemOperationsFetchResult fetch:
                writer.StartElement(IoPage.Fetch);
                writer.WriteStatus(IoPage.Status, fetch.Status);
                writer.WriteOptional(AirSync.CollectionId, fetch.CollectionId);
                writer.WriteOptional(AirSync.ServerId, fetch.ServerId);
                writer.WriteOptional(DocumentLibrary.LinkId, fetch.LinkId);
                writer.WriteOptional(Search.LongId, fetch.LongId);
                writer.WriteOptional(AirSyncBase.FileReference, fetch.FileReference);
                writer.WriteOptional(AirSync.Class, fetch.Class);
                writer.WriteOptional(fetch.Properties);
                break;
            case ItemOperationsEmptyFolderContentsResult empty:
                writer.StartElement(IoPage.EmptyFolderContents);
                writer.WriteStatus(IoPage.Status, empty.Status);
                writer.WriteElementString(AirSync.CollectionId, empty.CollectionId);
                break;
            case ItemOperationsMoveResult move:
                writer.StartElement(IoPage.Move);
                writer.WriteStatus(IoPage.Status, move.Status);
                writer.StartElement(IoPage.ConversationId);
                writer.WriteOpaque(move.ConversationId.Span);
                writer.EndElement();
                break;
            default:
                throw new ArgumentException($"Unknown ItemOperations result {result.GetType().Name}.", nameof(result));
        }

        writer.EndElement();
    }
}
