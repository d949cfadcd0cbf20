using System.Net;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Integration.Tests.Support;

/// <summary>A phone that provisions, keeps its hierarchy and collection keys, and pulls whole folders, as real phones do.</summary>
internal sealed class SyncingPhone(EasTestClient client)
{
    public EasTestClient Client { get; } = client;

    public string HierarchyKey { get; private set; } = "0";

    public Dictionary<string, (string Id, string Type, string ParentId)> Folders { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public string Version => Client.Version;

    public static async Task<SyncingPhone> StartAsync(ServerInstance server, MailboxUser user, string version, string deviceId)
    {
        var phone = new SyncingPhone(server.Phone(user.Address, user.Password, deviceId, version));
        await phone.Client.ProvisionAsync();
        await phone.FolderSyncAsync();
        return phone;
    }

    public string IdOf(string displayName) => Folders[displayName].Id;

    /// <summary>FolderSync with the current key; applies the changes to <see cref="Folders"/> and returns the response.</summary>
    public async Task<WbxmlElement> FolderSyncAsync()
    {
        var response = await Client.PostAsync("FolderSync", MailRequests.FolderSync(HierarchyKey));
        response.Status.ShouldBe(HttpStatusCode.OK);
        var body = response.Body.ShouldNotBeNull();
        if (body.ValueOf(FolderHierarchy.Status) != "1") return body;
        HierarchyKey = body.ValueOf(FolderHierarchy.SyncKey)!;
        foreach (var change in body.Element(FolderHierarchy.Changes)!.Children)
        {
            if (change.Tag == FolderHierarchy.Count) continue;
            var serverId = change.ValueOf(FolderHierarchy.ServerId)!;
            if (change.Tag == FolderHierarchy.Delete)
            {
                foreach (var gone in Folders.Where(pair => pair.Value.Id == serverId).Select(pair => pair.Key).ToList()) Folders.Remove(gone);
                continue;
            }

            foreach (var renamed in Folders.Where(pair => pair.Value.Id == serverId).Select(pair => pair.Key).ToList()) Folders.Remove(renamed);
            Folders[change.ValueOf(FolderHierarchy.DisplayName)!] = (serverId, change.ValueOf(FolderHierarchy.Type)!, change.ValueOf(FolderHierarchy.ParentId)!);
        }

        return body;
    }

    public void SetHierarchyKey(string key) => HierarchyKey = key;

    /// <summary>One Sync of a collection; keeps the new key on success.</summary>
    public async Task<WbxmlElement> SyncAsync(
        string collectionId, int? windowSize = null, IEnumerable<WbxmlElement>? commands = null, string? key = null, int? bodyType = null, int truncation = 5120, bool getChanges = true)
    {
        key ??= Keys.GetValueOrDefault(collectionId, "0");
        var response = await Client.PostAsync("Sync", MailRequests.Sync(Version, collectionId, key, windowSize, getChanges, truncation, commands, bodyType));
        response.Status.ShouldBe(HttpStatusCode.OK);
        var collection = response.Body.ShouldNotBeNull().Element(AirSync.Collections).ShouldNotBeNull().Element(AirSync.Collection).ShouldNotBeNull();
        if (collection.ValueOf(AirSync.Status) == "1") Keys[collectionId] = collection.ValueOf(AirSync.SyncKey)!;
        return collection;
    }

    /// <summary>Syncs a collection from key 0 until MoreAvailable stops; returns every Add's ServerId and data, in order.</summary>
    public async Task<List<(string ServerId, WbxmlElement Data)>> SyncAllAsync(string collectionId, int windowSize = 100)
    {
        Keys.Remove(collectionId);
        (await SyncAsync(collectionId)).ValueOf(AirSync.Status).ShouldBe("1");
        var adds = new List<(string, WbxmlElement)>();
        for (var round = 0; round < 10_000; round++)
        {
            var collection = await SyncAsync(collectionId, windowSize);
            collection.ValueOf(AirSync.Status).ShouldBe("1");
            adds.AddRange(AddsOf(collection));
            if (collection.Element(AirSync.MoreAvailable) is null) break;
        }

        return adds;
    }

    public static IEnumerable<(string ServerId, WbxmlElement Data)> AddsOf(WbxmlElement collection) =>
        collection.Element(AirSync.Commands)?.Elements(AirSync.Add).Select(a => (a.ValueOf(AirSync.ServerId)!, a.Element(AirSync.ApplicationData)!)) ?? [];

    public static IEnumerable<WbxmlElement> CommandsOf(WbxmlElement collection, ushort tag) =>
        collection.Element(AirSync.Commands)?.Elements(tag) ?? [];
}
