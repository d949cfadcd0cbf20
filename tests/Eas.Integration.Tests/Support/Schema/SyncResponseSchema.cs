using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The Sync response (MS-ASCMD 2.2.1.21, schema 6.46). Sync holds an optional Status and then either Limit or
/// Collections, never both (2.2.3.180). Where schema and prose differ, the prose is followed:
/// <list type="bullet">
/// <item>The schema lets a Collection's children come in any order and any number (an unbounded choice of
/// all of them); the prose makes SyncKey (2.2.3.181.4), CollectionId (2.2.3.30.6) and Status (2.2.3.177.17)
/// required, once each. So a Collection is an all group: those three required, Class, MoreAvailable, Commands and
/// Responses optional, each at most once.</item>
/// <item>Class is an optional child of a Commands Add and a Responses Delete in the prose (2.2.3.27.6), not in the
/// schema.</item>
/// <item>Commands MUST hold at least one operation (2.2.3.32); Responses likewise holds at least one.</item>
/// </list>
/// </summary>
internal static class SyncResponseSchema
{
    private static readonly SchemaElement ApplicationData = Node(AirSync.ApplicationData, DataClassSchema.ItemProperties());

    private static readonly SchemaElement Commands = Node(AirSync.Commands, Choice(
        Node(AirSync.Add, Value(AirSync.Class).Optional(), Value(AirSync.ServerId), ApplicationData.Optional()),
        Node(AirSync.Change, Value(AirSync.Class).Optional(), Value(AirSync.ServerId), ApplicationData.Optional()),
        Node(AirSync.Delete, Value(AirSync.Class).Optional(), Value(AirSync.ServerId)),
        Node(AirSync.SoftDelete, Value(AirSync.ServerId))).Many());

    private static readonly SchemaElement Responses = Node(AirSync.Responses, Choice(
        Node(AirSync.Add, Value(AirSync.Class).Optional(), Value(AirSync.ClientId), Value(AirSync.ServerId).Optional(), Value(AirSync.Status)),
        Node(AirSync.Change, Value(AirSync.Class).Optional(), Value(AirSync.ServerId), Value(AirSync.Status)),
        Node(AirSync.Delete, Value(AirSync.Class).Optional(), Value(AirSync.ServerId), Value(AirSyncBase.InstanceId).Optional(), Value(AirSync.Status)),
        Node(AirSync.Fetch, Value(AirSync.ServerId).Optional(), Value(AirSync.Status), ApplicationData.Optional())).Many());

    private static readonly SchemaElement Collection = Node(AirSync.Collection, All(
        Value(AirSync.Class).Optional(),
        Value(AirSync.SyncKey),
        Value(AirSync.CollectionId),
        Value(AirSync.Status),
        Value(AirSync.MoreAvailable).Optional(),
        Commands.Optional(),
        Responses.Optional()));

    public static readonly SchemaElement Root = Node(AirSync.Sync,
        Value(AirSync.Status).Optional(),
        Choice(
            Value(AirSync.Limit),
            Node(AirSync.Collections, Collection.Optional().Many())).Optional());
}
