using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;
using SearchPage = Eas.Wire.CodePages.Search;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The Search response (MS-ASCMD 2.2.1.16, schema 6.39): Status, then Response with one Store holding its Status, the
/// Results (each: airsync:Class, LongId, airsync:CollectionId, Properties, all optional; an empty Result when nothing
/// matched), Range and Total. Properties hold a mailbox item's data-class elements or a GAL entry's (2.2.3.78, with
/// gal:Picture of Status and Data, 2.2.3.135.1).
/// </summary>
internal static class SearchResponseSchema
{
    private static readonly SchemaElement Picture = Node(GAL.Picture, Value(GAL.Status), Value(GAL.Data).Optional());

    private static readonly SchemaElement Properties = Node(SearchPage.Properties, DataClassSchema.ItemProperties(
        Value(GAL.DisplayName), Value(GAL.Phone), Value(GAL.Office), Value(GAL.Title), Value(GAL.Company), Value(GAL.Alias),
        Value(GAL.FirstName), Value(GAL.LastName), Value(GAL.HomePhone), Value(GAL.MobilePhone), Value(GAL.EmailAddress), Picture));

    private static readonly SchemaElement Result = Node(SearchPage.Result,
        Value(AirSync.Class).Optional(),
        Value(SearchPage.LongId).Optional(),
        Value(AirSync.CollectionId).Optional(),
        Properties.Optional());

    public static readonly SchemaElement Root = Node(SearchPage.SearchElement,
        Value(SearchPage.Status),
        Node(SearchPage.Response, Node(SearchPage.Store,
            Value(SearchPage.Status),
            Result.Optional().Many(),
            Value(SearchPage.Range).Optional(),
            Value(SearchPage.Total).Optional())).Optional());
}
