using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>Parses the Sync and Collection levels of a Sync request (MS-ASCMD 2.2.3.180, 2.2.3.29.2).</summary>
internal static class SyncRequestReader
{
    public static SyncRequest Read(in RequestReader reader, WbxmlElement root)
    {
        reader.ExpectRoot(root, AirSync.Sync);
        ImmutableArray<SyncCollectionRequest>? collections = null;
        bool? partial = null;
        int? wait = null, heartbeat = null, windowSize = null;
        foreach (var child in root.Children)
        {
            switch (child.Tag)
            {
                case AirSync.Collections:
                    reader.Once(ref collections, child, ReadCollections(reader, child));
                    break;
                case AirSync.Partial:
                    reader.RequireVersion(SyncVersionRules.AllowsPartial(reader.Version), child, "MS-ASCMD 2.2.3.131");
                    reader.Empty(child);
                    reader.Once(ref partial, child, true);
                    break;
                case AirSync.Wait:
                    reader.RequireVersion(SyncVersionRules.AllowsWait(reader.Version), child, "MS-ASCMD 2.2.3.198");
                    reader.Once(ref wait, child, reader.Int(child));
                    break;
                case AirSync.HeartbeatInterval:
                    reader.RequireVersion(SyncVersionRules.AllowsHeartbeatInterval(reader.Version), child, "MS-ASCMD 2.2.3.88.2");
                    reader.Once(ref heartbeat, child, reader.Int(child));
                    break;
                case AirSync.WindowSize:
                    reader.Once(ref windowSize, child, reader.Int(child));
                    break;
                default:
                    throw reader.Unexpected(root, child);
            }
        }

        if (wait is not null && heartbeat is not null)
            throw reader.Fail(AirSync.HeartbeatInterval, "Wait and HeartbeatInterval are both present (MS-ASCMD 2.2.3.198)");
        if (partial is true && collections is null && wait is null && heartbeat is null && windowSize is null)
            throw reader.Fail(AirSync.Partial, "Partial is the only element (MS-ASCMD 2.2.3.131)");
        return new SyncRequest
        {
            Collections = collections ?? [],
            Partial = partial ?? false,
            Wait = wait,
            HeartbeatInterval = heartbeat,
            WindowSize = windowSize,
        };
    }

    private static ImmutableArray<SyncCollectionRequest> ReadCollections(in RequestReader reader, WbxmlElement collections)
    {
        var list = ImmutableArray.CreateBuilder<SyncCollectionRequest>();
        foreach (var collection in reader.NonEmptyContainer(collections).Children)
        {
            if (collection.Tag != AirSync.Collection) throw reader.Unexpected(collections, collection);
            list.Add(ReadCollection(reader, collection));
        }

        return list.ToImmutable();
    }

    private static SyncCollectionRequest ReadCollection(in RequestReader reader, WbxmlElement collection)
    {
        string? syncKey = null, collectionId = null, folderClass = null;
        WbxmlElement? supported = null;
        bool? deletesAsMoves = null, getChanges = null, conversationMode = null;
        int? windowSize = null;
        var options = ImmutableArray.CreateBuilder<SyncOptions>();
        ImmutableArray<SyncClientCommand>? commands = null;
        foreach (var child in reader.Container(collection).Children)
        {
            switch (child.Tag)
            {
                case AirSync.SyncKey:
                    reader.Once(ref syncKey, child, reader.NonEmptyText(child, 64));
                    break;
                case AirSync.CollectionId:
                    reader.Once(ref collectionId, child, reader.NonEmptyText(child, 64));
                    break;
                case AirSync.Class:
                    reader.RequireVersion(SyncVersionRules.AllowsCollectionClass(reader.Version), child, "MS-ASCMD 2.2.3.27.6");
                    reader.Once(ref folderClass, child, reader.NonEmptyText(child));
                    break;
                case AirSync.Supported:
                    reader.Once(ref supported, child, reader.Container(child));
                    break;
                case AirSync.DeletesAsMoves:
                    reader.Once(ref deletesAsMoves, child, reader.Flag(child));
                    break;
                case AirSync.GetChanges:
                    reader.Once(ref getChanges, child, reader.Flag(child));
                    break;
                case AirSync.WindowSize:
                    reader.Once(ref windowSize, child, reader.Int(child));
                    break;
                case AirSync.ConversationMode:
                    reader.RequireVersion(SyncVersionRules.AllowsConversationMode(reader.Version), child, "MS-ASCMD 2.2.3.36.2");
                    reader.Once(ref conversationMode, child, reader.Flag(child));
                    break;
                case AirSync.Options:
                    if (options.Count == 2) throw reader.Fail(child.Tag, "more than two Options in one Collection (MS-ASCMD 2.2.3.125.6)");
                    options.Add(SyncOptionsReader.Read(reader, child));
                    break;
                case AirSync.Commands:
                    reader.Once(ref commands, child, SyncCommandsReader.Read(reader, child));
                    break;
                default:
                    throw reader.Unexpected(collection, child);
            }
        }

        return new SyncCollectionRequest(
            syncKey ?? throw reader.Missing(collection, AirSync.SyncKey),
            collectionId ?? throw reader.Missing(collection, AirSync.CollectionId))
        {
            Class = folderClass,
            Supported = supported,
            DeletesAsMoves = deletesAsMoves,
            GetChanges = getChanges,
            WindowSize = windowSize,
            ConversationMode = conversationMode,
            Options = options.ToImmutable(),
            Commands = commands ?? [],
        };
    }
}
