using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using GiePage = Eas.Wire.CodePages.GetItemEstimate;

namespace Eas.Wire.Commands.GetItemEstimate;

/// <summary>
/// A GetItemEstimate request (MS-ASCMD 2.2.1.9): how many items would a Sync of these collections bring?
/// One to 300 collections (2.2.3.29.1).
/// </summary>
public sealed record GetItemEstimateRequest(ImmutableArray<GetItemEstimateCollection> Collections)
{
    /// <summary>The most collections one request may name (MS-ASCMD 2.2.3.29.1).</summary>
    public const int MaxCollections = 300;

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a GetItemEstimate request for this version.</exception>
    public static GetItemEstimateRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var reader = new RequestReader(EasCommand.GetItemEstimate, version);
        reader.ExpectRoot(root, GiePage.GetItemEstimateElement);
        ImmutableArray<GetItemEstimateCollection>? collections = null;
        foreach (var child in root.Children)
        {
            if (child.Tag != GiePage.Collections) throw reader.Unexpected(root, child);
            reader.Once(ref collections, child, ReadCollections(reader, child));
        }

        return new GetItemEstimateRequest(collections ?? throw reader.Missing(root, GiePage.Collections));
    }

    private static ImmutableArray<GetItemEstimateCollection> ReadCollections(in RequestReader reader, WbxmlElement collections)
    {
        var list = ImmutableArray.CreateBuilder<GetItemEstimateCollection>();
        foreach (var collection in reader.NonEmptyContainer(collections).Children)
        {
            if (collection.Tag != GiePage.Collection) throw reader.Unexpected(collections, collection);
            if (list.Count == MaxCollections)
                throw reader.Fail(collection.Tag, $"more than {MaxCollections} collections");
            list.Add(ReadCollection(reader, collection));
        }

        return list.ToImmutable();
    }

    private static GetItemEstimateCollection ReadCollection(in RequestReader reader, WbxmlElement collection)
    {
        string? syncKey = null, collectionId = null, folderClass = null;
        long? filterType = null;
        bool? conversationMode = null;
        var options = ImmutableArray.CreateBuilder<GetItemEstimateOptions>();
        foreach (var child in reader.Container(collection).Children)
        {
            switch (child.Tag)
            {
                case AirSync.SyncKey:
                    reader.Once(ref syncKey, child, reader.NonEmptyText(child, 64));
                    break;
                case GiePage.CollectionId:
                    reader.Once(ref collectionId, child, reader.NonEmptyText(child, 64));
                    break;
                case GiePage.Class:
                    reader.RequireVersion(GetItemEstimateVersionRules.AllowsCollectionClass(reader.Version), child, "MS-ASCMD 2.2.3.27.2");
                    reader.Once(ref folderClass, child, reader.NonEmptyText(child));
                    break;
                case AirSync.FilterType:
                    reader.RequireVersion(GetItemEstimateVersionRules.AllowsCollectionFilterType(reader.Version), child, "MS-ASCMD 2.2.3.68.1");
                    reader.Once(ref filterType, child, reader.Number(child, 0, (long)SyncFilterType.IncompleteTasks));
                    break;
                case AirSync.ConversationMode:
                    reader.RequireVersion(GetItemEstimateVersionRules.AllowsConversationMode(reader.Version), child, "MS-ASCMD 2.2.3.36.1");
                    reader.Once(ref conversationMode, child, reader.Flag(child));
                    break;
                case AirSync.Options:
                    reader.RequireVersion(GetItemEstimateVersionRules.AllowsOptions(reader.Version), child, "MS-ASCMD 2.2.3.125.2");
                    if (options.Count == 2) throw reader.Fail(child.Tag, "more than two airsync:Options in one collection");
                    options.Add(ReadOptions(reader, child));
                    break;
                default:
                    throw reader.Unexpected(collection, child);
            }
        }

        // A collection without CollectionId or SyncKey is still read: it is answered in its own Response
        // (Status 2 or 4, MS-ASCMD 2.2.3.177.7) while the other collections are estimated.
        return new GetItemEstimateCollection(syncKey, collectionId)
        {
            Class = folderClass,
            FilterType = (SyncFilterType?)filterType,
            ConversationMode = conversationMode,
            Options = options.ToImmutable(),
        };
    }

    private static GetItemEstimateOptions ReadOptions(in RequestReader reader, WbxmlElement options)
    {
        string? optionsClass = null;
        long? filterType = null;
        int? maxItems = null;
        foreach (var child in reader.NonEmptyContainer(options).Children)
        {
            switch (child.Tag)
            {
                case AirSync.Class:
                    reader.Once(ref optionsClass, child, reader.NonEmptyText(child));
                    break;
                case AirSync.FilterType:
                    reader.Once(ref filterType, child, reader.Number(child, 0, (long)SyncFilterType.IncompleteTasks));
                    break;
                case AirSync.MaxItems:
                    reader.Once(ref maxItems, child, reader.Int(child));
                    break;
                default:
                    throw reader.Unexpected(options, child);
            }
        }

        return new GetItemEstimateOptions { Class = optionsClass, FilterType = (SyncFilterType?)filterType, MaxItems = maxItems };
    }
}
