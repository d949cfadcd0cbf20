using System.Collections.Immutable;
using System.Text.Json;
using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Licensing;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Collections;

namespace Eas.Actors.Persistence.Import;

/// <summary>
/// The pure rules of the import: the pre-Akka store's rows (<see cref="LegacyKinds"/>) become the journal streams the
/// current actors recover from. The old records are the ancestors of today's (every change since has added members
/// with defaults), so a row is read with the old serializer's options straight into today's record, and what it
/// lacks takes the default a fresh entity has.
/// <list type="bullet">
/// <item>A device: <see cref="DeviceFirstSeen"/>, then a <see cref="DeviceSnapshot"/> with its state and the sync
/// state of every folder it synced (the <c>collection</c> rows under its id), so the phone's PolicyKey (MS-ASPROV
/// 3.1.5.1), FolderSync key (MS-ASCMD 2.2.3.166.2) and each folder's SyncKey (MS-ASCMD 2.2.3.166.4) stay valid.</item>
/// <item>An account's folder map: one <see cref="FolderMapChanged"/>, so folder ids the phones hold keep naming the same
/// IMAP folders.</item>
/// <item>An account: <see cref="AccountClaimAnswered"/> with its state, which now also lists its devices and when each was
/// last seen (so the cleanup of abandoned partnerships counts from the phone's real last request, not the import).</item>
/// <item>The license and the directory: their state as the singleton's snapshot.</item>
/// </list>
/// A row that cannot be read (not JSON, not the record, an id that contradicts its state) is left out with its reason;
/// so is a folder's sync state whose device row is missing. Nothing else depends on it, so the rest still imports.
/// </summary>
public static class LegacyStateMapping
{
    /// <summary>The options the old <c>JsonEntityStore</c> wrote with.</summary>
    private static readonly JsonSerializerOptions OldJson = new(JsonSerializerDefaults.Web);

    public static LegacyImportPlan Map(IEnumerable<LegacyRow> rows, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var skipped = ImmutableArray.CreateBuilder<SkippedRow>();
        var devices = new SortedDictionary<string, DeviceState>(StringComparer.Ordinal);
        var collections = new Dictionary<string, ImmutableDictionary<string, CollectionSyncState>.Builder>(StringComparer.Ordinal);
        var maps = new SortedDictionary<string, FolderMap>(StringComparer.Ordinal);
        var accounts = new SortedDictionary<string, AccountState>(StringComparer.Ordinal);
        LicenseState? license = null;
        DirectoryState? directory = null;

        foreach (var row in rows)
        {
            switch (row.Kind)
            {
                case LegacyKinds.Device when Read<DeviceState>(row, skipped) is { } device:
                    if (Check(row, skipped, !string.IsNullOrEmpty(device.AccountId) && !string.IsNullOrEmpty(device.DeviceId)
                        && DeviceKey(device) == row.Id, "the state names another device than its id"))
                        devices[row.Id] = device;
                    break;
                case LegacyKinds.Collection when Read<CollectionSyncState>(row, skipped) is { } collection:
                    var slash = row.Id.LastIndexOf('/');
                    if (Check(row, skipped, slash > 0 && slash < row.Id.Length - 1 && !string.IsNullOrEmpty(collection.Epoch), "not a folder's sync state of a device"))
                    {
                        var owner = row.Id[..slash];
                        if (!collections.TryGetValue(owner, out var folders)) collections[owner] = folders = ImmutableDictionary.CreateBuilder<string, CollectionSyncState>(StringComparer.Ordinal);
                        folders[row.Id[(slash + 1)..]] = collection;
                    }

                    break;
                case LegacyKinds.FolderMap when Read<FolderMap>(row, skipped) is { } map:
                    maps[row.Id] = map with { Folders = map.Folders.WithComparers(StringComparer.Ordinal) };
                    break;
                case LegacyKinds.Account when Read<AccountState>(row, skipped) is { } account:
                    if (Check(row, skipped, string.Equals(account.AccountId, row.Id, StringComparison.OrdinalIgnoreCase), "the state names another account than its id"))
                        accounts[row.Id.ToLowerInvariant()] = account with { AccountId = account.AccountId.ToLowerInvariant() };
                    break;
                case LegacyKinds.License when Read<LicenseState>(row, skipped) is { } read:
                    license = read;
                    break;
                case LegacyKinds.Directory when Read<DirectoryState>(row, skipped) is { } read:
                    directory = read;
                    break;
                case LegacyKinds.Device or LegacyKinds.Collection or LegacyKinds.FolderMap or LegacyKinds.Account or LegacyKinds.License or LegacyKinds.Directory:
                    break;
                default:
                    skipped.Add(new SkippedRow(row.Kind, row.Id, "a kind this version does not import"));
                    break;
            }
        }

        foreach (var orphan in collections.Keys.Where(key => !devices.ContainsKey(key)).Order(StringComparer.Ordinal))
        {
            foreach (var folder in collections[orphan].Keys.Order(StringComparer.Ordinal))
                skipped.Add(new SkippedRow(LegacyKinds.Collection, $"{orphan}/{folder}", "its device's row is missing or unreadable"));
        }

        var streams = ImmutableArray.CreateBuilder<ImportedStream>();
        foreach (var (key, device) in devices)
        {
            var synced = collections.TryGetValue(key, out var folders) ? folders.ToImmutable() : ImmutableDictionary<string, CollectionSyncState>.Empty;
            streams.Add(new ImportedStream(
                LegacyKinds.Device,
                PersistenceIds.Device(device.AccountId, device.DeviceId),
                [new DeviceFirstSeen(device.FirstSeen ?? importedAt, device.AccountId, device.DeviceId)],
                new DeviceSnapshot(device, synced)));
        }

        foreach (var (accountId, map) in maps)
            streams.Add(new ImportedStream(LegacyKinds.FolderMap, PersistenceIds.Mailbox(accountId), [new FolderMapChanged(map)], null));

        foreach (var (accountId, account) in accounts)
        {
            var seen = devices.Values
                .Where(d => string.Equals(d.AccountId, accountId, StringComparison.OrdinalIgnoreCase))
                .Aggregate(account.Devices, (known, d) => known.SetItem(d.DeviceId.ToLowerInvariant(), d.LastSeen ?? d.FirstSeen ?? importedAt));
            streams.Add(new ImportedStream(LegacyKinds.Account, PersistenceIds.Account(accountId), [new AccountClaimAnswered(account with { Devices = seen }, importedAt)], null));
        }

        if (license is not null) streams.Add(new ImportedStream(LegacyKinds.License, PersistenceIds.License, [], license));
        if (directory is not null) streams.Add(new ImportedStream(LegacyKinds.Directory, PersistenceIds.Directory, [], directory));
        return new LegacyImportPlan(streams.ToImmutable(), skipped.ToImmutable());
    }

    /// <summary>The old store's id of a device: <c>account/deviceid</c>, lower-cased.</summary>
    private static string DeviceKey(DeviceState device) => $"{device.AccountId}/{device.DeviceId}".ToLowerInvariant();

    private static T? Read<T>(LegacyRow row, ImmutableArray<SkippedRow>.Builder skipped)
        where T : class
    {
        try
        {
            if (JsonSerializer.Deserialize<T>(row.Data, OldJson) is { } state) return state;
            skipped.Add(new SkippedRow(row.Kind, row.Id, "the state is JSON null"));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            skipped.Add(new SkippedRow(row.Kind, row.Id, $"not a {typeof(T).Name}: {e.Message}"));
        }

        return null;
    }

    private static bool Check(LegacyRow row, ImmutableArray<SkippedRow>.Builder skipped, bool valid, string reason)
    {
        if (!valid) skipped.Add(new SkippedRow(row.Kind, row.Id, reason));
        return valid;
    }
}
