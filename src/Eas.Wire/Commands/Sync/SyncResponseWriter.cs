using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Wire.Commands.Sync;

/// <summary>
/// Writes a Sync response in schema order: Sync is Status, Limit, Collections; a Collection is Class (up
/// to 12.1), SyncKey, CollectionId, Status, MoreAvailable, Commands, Responses (MS-ASCMD 2.2.3.29.2).
/// </summary>
internal static class SyncResponseWriter
{
    public static void Write(WbxmlWriter writer, SyncResponse response, ProtocolVersion version)
    {
        writer.StartElement(AirSync.Sync);
        if (response.Status is { } status) writer.WriteStatus(AirSync.Status, status);
        if (SyncVersionRules.AllowsLimit(version)) writer.WriteOptional(AirSync.Limit, response.Limit);
        if (!response.Collections.IsDefaultOrEmpty)
        {
            writer.StartElement(AirSync.Collections);
            foreach (var collection in response.Collections) WriteCollection(writer, collection, version);
            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteCollection(WbxmlWriter writer, SyncCollectionResponse collection, ProtocolVersion version)
    {
        writer.StartElement(AirSync.Collection);
        if (SyncVersionRules.AllowsCollectionClass(version)) writer.WriteOptional(AirSync.Class, collection.Class);
        writer.WriteOptional(AirSync.SyncKey, collection.SyncKey);
        writer.WriteElementString(AirSync.CollectionId, collection.CollectionId);
        writer.WriteStatus(AirSync.Status, collection.Status);
        writer.WriteFlag(AirSync.MoreAvailable, collection.MoreAvailable);
        if (!collection.Commands.IsDefaultOrEmpty)
        {
            writer.StartElement(AirSync.Commands);
            foreach (var command in collection.Commands) WriteCommand(writer, command, version);
            writer.EndElement();
        }

        if (!collection.Responses.IsDefaultOrEmpty)
        {
            writer.StartElement(AirSync.Responses);
            foreach (var response in collection.Responses) WriteItemResponse(writer, response, version);
            writer.EndElement();
        }

        writer.EndElement();
    }

    private static void WriteCommand(WbxmlWriter writer, SyncServerCommand command, ProtocolVersion version)
    {
        var (tag, data) = command switch
        {
            SyncServerAdd add => (AirSync.Add, add.ApplicationData),
            SyncServerChange change => (AirSync.Change, change.ApplicationData),
            SyncServerDelete => (AirSync.Delete, null),
            SyncServerSoftDelete => (AirSync.SoftDelete, (WbxmlElement?)null),
            _ => throw new ArgumentException($"Unknown Sync command {command.GetType().Name}.", nameof(command)),
        };
        writer.StartElement(tag);
        if (tag != AirSync.SoftDelete) WriteItemClass(writer, command.Class, version);
        writer.WriteElementString(AirSync.ServerId, command.ServerId);
        writer.WriteOptional(data);
        writer.EndElement();
    }

    private static void WriteItemResponse(WbxmlWriter writer, SyncItemResponse response, ProtocolVersion version)
    {
        switch (response)
        {
            case SyncAddResponse add:
                writer.StartElement(AirSync.Add);
                WriteItemClass(writer, add.Class, version);
                writer.WriteElementString(AirSync.ClientId, add.ClientId);
                writer.WriteOptional(AirSync.ServerId, add.ServerId);
                writer.WriteStatus(AirSync.Status, add.Status);
                break;
            case SyncChangeResponse change:
                WriteServerIdAndStatus(writer, AirSync.Change, change.ServerId, change, version);
                break;
            case SyncDeleteResponse delete:
                writer.StartElement(AirSync.Delete);
                WriteItemClass(writer, delete.Class, version);
                writer.WriteElementString(AirSync.ServerId, delete.ServerId);
                writer.WriteOptional(AirSyncBase.InstanceId, delete.InstanceId);
                writer.WriteStatus(AirSync.Status, delete.Status);
                break;
            case SyncFetchResponse fetch:
                writer.StartElement(AirSync.Fetch);
                writer.WriteElementString(AirSync.ServerId, fetch.ServerId);
                writer.WriteStatus(AirSync.Status, fetch.Status);
                writer.WriteOptional(fetch.ApplicationData);
                break;
            default:
                throw new ArgumentException($"Unknown Sync response {response.GetType().Name}.", nameof(response));
        }

        writer.EndElement();
    }

    private static void WriteServerIdAndStatus(WbxmlWriter writer, ushort tag, string serverId, SyncItemResponse response, ProtocolVersion version)
    {
        writer.StartElement(tag);
        WriteItemClass(writer, response.Class, version);
        writer.WriteElementString(AirSync.ServerId, serverId);
        writer.WriteStatus(AirSync.Status, response.Status);
    }

    private static void WriteItemClass(WbxmlWriter writer, string? itemClass, ProtocolVersion version)
    {
        if (SyncVersionRules.AllowsItemClass(version)) writer.WriteOptional(AirSync.Class, itemClass);
    }
}
