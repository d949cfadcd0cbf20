using Eas.Wire.CodePages;
using static Eas.Integration.Tests.Support.Schema.Schema;
using FindPage = Eas.Wire.CodePages.Find;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The Find response (MS-ASCMD 2.2.1.2, 2.2.3.69): Status, then an optional Response (2.2.3.153.2) with
/// itemoperations:Store, Status, Results (airsync:Class, airsync:ServerId, airsync:CollectionId, Properties), Range and
/// Total. Properties (2.2.3.139.1) hold the mailbox fields Find defines (email:Subject, DateReceived, DisplayTo,
/// find:DisplayCc, DisplayBcc, email:Importance, Read, email2:IsDraft, find:Preview, HasAttachments, email:From) or a
/// GAL entry's gal: fields with gal:Picture.
/// </summary>
internal static class FindResponseSchema
{
    private static readonly SchemaElement Picture = Node(GAL.Picture, Value(GAL.Status), Value(GAL.Data).Optional());

    private static readonly SchemaElement Properties = Node(FindPage.Properties,
        Value(Email.Subject).Optional(), Value(Email.DateReceived).Optional(), Value(Email.DisplayTo).Optional(),
        Value(FindPage.DisplayCc).Optional(), Value(FindPage.DisplayBcc).Optional(), Value(Email.Importance).Optional(),
        Value(Email.Read).Optional(), Value(Email2.IsDraft).Optional(), Value(FindPage.Preview).Optional(),
        Value(FindPage.HasAttachments).Optional(), Value(Email.From).Optional(),
        Value(GAL.DisplayName).Optional(), Value(GAL.Phone).Optional(), Value(GAL.Office).Optional(), Value(GAL.Title).Optional(),
        Value(GAL.Company).Optional(), Value(GAL.Alias).Optional(), Value(GAL.FirstName).Optional(), Value(GAL.LastName).Optional(),
        Value(GAL.HomePhone).Optional(), Value(GAL.MobilePhone).Optional(), Value(GAL.EmailAddress).Optional(), Picture.Optional());

    private static readonly SchemaElement Result = Node(FindPage.Result,
        Value(AirSync.Class).Optional(),
        Value(AirSync.ServerId).Optional(),
        Value(AirSync.CollectionId).Optional(),
        Properties.Optional());

    public static readonly SchemaElement Root = Node(FindPage.FindElement,
        Value(FindPage.Status),
        Node(FindPage.Response,
            Value(ItemOperations.Store),
            Value(FindPage.Status),
            Result.Optional().Many(),
            Value(FindPage.Range).Optional(),
            Value(FindPage.Total).Optional()).Optional());
}
