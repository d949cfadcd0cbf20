using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests.Support;

/// <summary>GetItemEstimate, MoveItems and ItemOperations bodies (MS-ASCMD 2.2.1.9, 2.2.1.12, 2.2.1.10).</summary>
internal static class MoreMailRequests
{
    public static WbxmlElement GetItemEstimate(string version, string collectionId, string key)
    {
        var collection = new WbxmlElement(Eas.Wire.CodePages.GetItemEstimate.Collection);
        if (version is "12.1") collection.Add(WithText(Eas.Wire.CodePages.GetItemEstimate.Class, "Email"));
        collection.Add(WithText(AirSync.SyncKey, key));
        collection.Add(WithText(Eas.Wire.CodePages.GetItemEstimate.CollectionId, collectionId));
        return WithChildren(Eas.Wire.CodePages.GetItemEstimate.GetItemEstimateElement, WithChildren(Eas.Wire.CodePages.GetItemEstimate.Collections, collection));
    }

    public static WbxmlElement MoveItems(string serverId, string source, string destination) =>
        WithChildren(Move.MoveItems, WithChildren(Move.MoveElement,
            WithText(Move.SrcMsgId, serverId), WithText(Move.SrcFldId, source), WithText(Move.DstFldId, destination)));

    public static WbxmlElement FetchAttachment(string fileReference, string? range = null)
    {
        var fetch = WithChildren(IoPage.Fetch, WithText(IoPage.Store, "Mailbox"), WithText(AirSyncBase.FileReference, fileReference));
        if (range is not null) fetch.Add(WithChildren(IoPage.Options, WithText(IoPage.Range, range)));
        return WithChildren(IoPage.ItemOperationsElement, fetch);
    }

    public static WbxmlElement FetchItem(string collectionId, string serverId) =>
        WithChildren(IoPage.ItemOperationsElement, WithChildren(IoPage.Fetch,
            WithText(IoPage.Store, "Mailbox"), WithText(AirSync.CollectionId, collectionId), WithText(AirSync.ServerId, serverId),
            WithChildren(IoPage.Options, WithChildren(AirSyncBase.BodyPreference, WithText(AirSyncBase.Type, "1")))));

    public static WbxmlElement EmptyFolder(string collectionId) =>
        WithChildren(IoPage.ItemOperationsElement, WithChildren(IoPage.EmptyFolderContents, WithText(AirSync.CollectionId, collectionId)));
}
