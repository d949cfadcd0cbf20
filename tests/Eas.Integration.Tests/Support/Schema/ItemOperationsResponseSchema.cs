using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;
using IoPage = Eas.Wire.CodePages.ItemOperations;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The ItemOperations response (MS-ASCMD 2.2.1.10, schema 6.27): Status, then a Response. The schema's Response
/// is a sequence of all Moves, then all EmptyFolderContents, then all Fetches; the prose has the server answer
/// the operations in the order the request gave them (2.2.3.153.2: one result per operation), so Response is
/// taken as an unbounded choice of the three.
/// </summary>
internal static class ItemOperationsResponseSchema
{
    /// <summary>itemoperations:Properties (2.2.3.139.2): the item's data-class elements, and Range, Total, Data, Part, Version of a document or attachment.</summary>
    private static readonly SchemaElement Properties = Node(IoPage.Properties, DataClassSchema.ItemProperties(
        Value(IoPage.Range), Value(IoPage.Total), Value(IoPage.Data), Value(IoPage.Part), Value(IoPage.Version),
        Value(AirSyncBase.ContentType), Node(AirSyncBase.Location, All(OptionalValues(
            AirSyncBase.DisplayName, AirSyncBase.Annotation, AirSyncBase.Street, AirSyncBase.City, AirSyncBase.State, AirSyncBase.Country,
            AirSyncBase.PostalCode, AirSyncBase.Latitude, AirSyncBase.Longitude, AirSyncBase.Accuracy, AirSyncBase.Altitude,
            AirSyncBase.AltitudeAccuracy, AirSyncBase.LocationUri)))) with { Min = 0 });

    /// <summary>A Fetch result: Status, then what identifies the item (CollectionId, ServerId, LongId, Class, LinkId, FileReference), then Properties.</summary>
    private static readonly SchemaElement Fetch = Node(IoPage.Fetch,
        Value(IoPage.Status),
        Value(AirSync.CollectionId).Optional(),
        Value(AirSync.ServerId).Optional(),
        Value(Search.LongId).Optional(),
        Value(AirSync.Class).Optional(),
        Value(DocumentLibrary.LinkId).Optional(),
        Value(AirSyncBase.FileReference).Optional(),
        Properties.Optional());

    public static readonly SchemaElement Root = Node(IoPage.ItemOperationsElement,
        Value(IoPage.Status),
        Node(IoPage.Response, Choice(
            Node(IoPage.Move, All(Value(IoPage.Status), Value(IoPage.ConversationId))),
            Node(IoPage.EmptyFolderContents, Value(IoPage.Status), Value(AirSync.CollectionId)),
            Fetch).Optional().Many()).Optional());
}
