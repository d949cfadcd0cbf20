using System.Globalization;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Integration.Tests.Support;

/// <summary>FolderSync, folder and Sync request bodies as phones send them (MS-ASCMD 2.2.1.5, 2.2.1.21).</summary>
internal static class MailRequests
{
    public static WbxmlElement FolderSync(string key) => WithChildren(FolderHierarchy.FolderSync, WithText(FolderHierarchy.SyncKey, key));

    public static WbxmlElement FolderCreate(string key, string parentId, string name) =>
        WithChildren(FolderHierarchy.FolderCreate,
            WithText(FolderHierarchy.SyncKey, key), WithText(FolderHierarchy.ParentId, parentId),
            WithText(FolderHierarchy.DisplayName, name), WithText(FolderHierarchy.Type, "12"));

    public static WbxmlElement FolderUpdate(string key, string serverId, string parentId, string name) =>
        WithChildren(FolderHierarchy.FolderUpdate,
            WithText(FolderHierarchy.SyncKey, key), WithText(FolderHierarchy.ServerId, serverId),
            WithText(FolderHierarchy.ParentId, parentId), WithText(FolderHierarchy.DisplayName, name));

    public static WbxmlElement FolderDelete(string key, string serverId) =>
        WithChildren(FolderHierarchy.FolderDelete, WithText(FolderHierarchy.SyncKey, key), WithText(FolderHierarchy.ServerId, serverId));

    /// <summary>A one-collection Sync; 12.0+ phones ask plain text truncated to <paramref name="truncation"/> bytes, 2.5 phones use Truncation codes.</summary>
    public static WbxmlElement Sync(string version, string collectionId, string key, int? windowSize = null, bool getChanges = true,
        int truncation = 5120, IEnumerable<WbxmlElement>? commands = null, int? bodyType = null)
    {
        var collection = new WbxmlElement(AirSync.Collection);
        if (version is "2.5" or "12.0" or "12.1") collection.Add(WithText(AirSync.Class, "Email"));
        collection.Add(WithText(AirSync.SyncKey, key));
        collection.Add(WithText(AirSync.CollectionId, collectionId));
        if (key != "0")
        {
            if (version != "2.5" || getChanges) collection.Add(WithText(AirSync.GetChanges, getChanges ? "1" : "0"));
            if (windowSize is { } size) collection.Add(WithText(AirSync.WindowSize, size.ToString(CultureInfo.InvariantCulture)));
            var options = new WbxmlElement(AirSync.Options);
            if (version == "2.5")
            {
                options.Add(WithText(AirSync.Truncation, "4"));
            }
            else
            {
                options.Add(WithChildren(AirSyncBase.BodyPreference,
                    WithText(AirSyncBase.Type, (bodyType ?? 1).ToString(CultureInfo.InvariantCulture)),
                    WithText(AirSyncBase.TruncationSize, truncation.ToString(CultureInfo.InvariantCulture))));
            }

            collection.Add(options);
            if (commands is not null) collection.Add(WithChildren(AirSync.Commands, commands));
        }

        return WithChildren(AirSync.Sync, WithChildren(AirSync.Collections, collection));
    }

    /// <summary>A Sync that may wait: the request-level HeartbeatInterval (seconds, 14.0+) follows the collections (MS-ASCMD 2.2.3.88.2).</summary>
    public static WbxmlElement SyncWaiting(string version, string collectionId, string key, int heartbeatSeconds)
    {
        var sync = Sync(version, collectionId, key);
        sync.Add(WithText(AirSync.HeartbeatInterval, heartbeatSeconds.ToString(CultureInfo.InvariantCulture)));
        return sync;
    }

    public static WbxmlElement ChangeRead(string serverId, bool read) =>
        WithChildren(AirSync.Change, WithText(AirSync.ServerId, serverId),
            WithChildren(AirSync.ApplicationData, WithText(Email.Read, read ? "1" : "0")));

    public static WbxmlElement Delete(string serverId) => WithChildren(AirSync.Delete, WithText(AirSync.ServerId, serverId));

    public static WbxmlElement Fetch(string serverId) => WithChildren(AirSync.Fetch, WithText(AirSync.ServerId, serverId));
}
