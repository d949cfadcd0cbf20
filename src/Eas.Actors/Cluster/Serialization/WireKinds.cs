using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;
using Eas.Wire.Commands;
using Eas.Wire.Commands.FolderCreate;
using Eas.Wire.Commands.FolderDelete;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Commands.FolderUpdate;
using Eas.Wire.Commands.GetItemEstimate;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.MeetingResponse;
using Eas.Wire.Commands.MoveItems;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.ResolveRecipients;
using Eas.Wire.Commands.Find;
using Eas.Wire.Commands.Search;
using Eas.Wire.Commands.SendMail;
using Eas.Wire.Commands.Settings;
using Eas.Wire.Commands.SmartForward;
using Eas.Wire.Commands.SmartReply;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// The names the Wire layer's typed requests and responses travel under inside a cluster message. Eas.Wire knows
/// nothing of JSON or actors, so its records carry no attributes; the names are given here, to System.Text.Json's
/// contract resolver, as explicit discriminators (<c>"$kind": "sync"</c>), never CLR names.
/// </summary>
public static class WireKinds
{
    /// <summary>The property that names a record's kind inside a polymorphic value.</summary>
    public const string Discriminator = "$kind";

    /// <summary>The typed bodies a <see cref="Devices.DeviceRequest"/> may carry, by kind.</summary>
    internal static CodecTable RequestBodies { get; } = new(
        "request bodies",
        new JsonCodec<ProvisionRequest>("provision"),
        new JsonCodec<SettingsRequest>("settings"),
        new JsonCodec<FolderSyncRequest>("folder-sync"),
        new JsonCodec<FolderCreateRequest>("folder-create"),
        new JsonCodec<FolderUpdateRequest>("folder-update"),
        new JsonCodec<FolderDeleteRequest>("folder-delete"),
        new JsonCodec<GetItemEstimateRequest>("get-item-estimate"),
        new JsonCodec<MoveItemsRequest>("move-items"),
        new JsonCodec<ResolveRecipientsRequest>("resolve-recipients"),
        new JsonCodec<ItemOperationsRequest>("item-operations"),
        new JsonCodec<SendMailRequest>("send-mail"),
        new JsonCodec<SmartReplyRequest>("smart-reply"),
        new JsonCodec<SmartForwardRequest>("smart-forward"),
        new JsonCodec<ComposeMailQueryRequest>("compose-mail-query"),
        new JsonCodec<SearchRequest>("search"),
        new JsonCodec<FindRequest>("find"),
        new JsonCodec<PingRequest>("ping"),
        new JsonCodec<MeetingResponseRequest>("meeting-response"),
        new JsonCodec<SyncRequest>("sync"));

    /// <summary>The typed bodies a <see cref="Devices.DeviceRequest"/> may carry, with their kinds: <see cref="RequestBodies"/>, for reading.</summary>
    public static IReadOnlyDictionary<Type, string> BodyKinds { get; } = RequestBodies.Codecs.ToFrozenDictionary(c => c.Type, c => c.Manifest);

    /// <summary>Each abstract type (or interface) of the Wire records with the kinds of its concrete types.</summary>
    public static FrozenDictionary<Type, IReadOnlyList<(string Kind, Type Type)>> Hierarchies { get; } = new Dictionary<Type, IReadOnlyList<(string, Type)>>
    {
        [typeof(IEasResponse)] =
        [
            ("provision", typeof(ProvisionResponse)),
            ("settings", typeof(SettingsResponse)),
            ("folder-sync", typeof(FolderSyncResponse)),
            ("folder-create", typeof(FolderCreateResponse)),
            ("folder-update", typeof(FolderUpdateResponse)),
            ("folder-delete", typeof(FolderDeleteResponse)),
            ("get-item-estimate", typeof(GetItemEstimateResponse)),
            ("move-items", typeof(MoveItemsResponse)),
            ("resolve-recipients", typeof(ResolveRecipientsResponse)),
            ("item-operations", typeof(ItemOperationsResponse)),
            ("send-mail", typeof(SendMailResponse)),
            ("smart-reply", typeof(SmartReplyResponse)),
            ("smart-forward", typeof(SmartForwardResponse)),
            ("search", typeof(SearchResponse)),
            ("find", typeof(FindResponse)),
            ("ping", typeof(PingResponse)),
            ("meeting-response", typeof(MeetingResponseResponse)),
            ("sync", typeof(SyncResponse)),
            ("status-only", typeof(StatusOnlyResponse)),
        ],
        [typeof(SyncClientCommand)] =
        [
            ("add", typeof(SyncClientAdd)), ("change", typeof(SyncClientChange)), ("delete", typeof(SyncClientDelete)), ("fetch", typeof(SyncClientFetch)),
        ],
        [typeof(SyncServerCommand)] =
        [
            ("add", typeof(SyncServerAdd)), ("change", typeof(SyncServerChange)), ("delete", typeof(SyncServerDelete)), ("soft-delete", typeof(SyncServerSoftDelete)),
        ],
        [typeof(SyncItemResponse)] =
        [
            ("add", typeof(SyncAddResponse)), ("change", typeof(SyncChangeResponse)), ("delete", typeof(SyncDeleteResponse)), ("fetch", typeof(SyncFetchResponse)),
        ],
        [typeof(ItemOperation)] =
        [
            ("fetch", typeof(ItemOperationsFetch)), ("move", typeof(ItemOperationsMove)), ("empty-folder-contents", typeof(ItemOperationsEmptyFolderContents)),
        ],
        [typeof(ItemOperationResult)] =
        [
            ("fetch", typeof(ItemOperationsFetchResult)), ("move", typeof(ItemOperationsMoveResult)), ("empty-folder-contents", typeof(ItemOperationsEmptyFolderContentsResult)),
        ],
        [typeof(FolderChange)] =
        [
            ("add", typeof(FolderSyncAdd)), ("update", typeof(FolderSyncUpdate)), ("delete", typeof(FolderSyncDelete)),
        ],
    }.ToFrozenDictionary();

    /// <summary>A contract resolver modifier: gives the types of <see cref="Hierarchies"/> their discriminators.</summary>
    public static void AddPolymorphism(JsonTypeInfo info)
    {
        if (!Hierarchies.TryGetValue(info.Type, out var kinds)) return;
        var polymorphism = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = Discriminator };
        foreach (var (kind, type) in kinds) polymorphism.DerivedTypes.Add(new JsonDerivedType(type, kind));
        info.PolymorphismOptions = polymorphism;
    }
}
