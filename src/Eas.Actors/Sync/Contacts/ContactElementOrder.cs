using Eas.Wire.CodePages;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The order in which a contact's elements are written: the order of the contacts elements in airsync:ApplicationData
/// of the AirSync schema (MS-ASCMD 6, AirSync.xsd), then Contacts2 (MS-ASCNTC 6.2). The body goes where the
/// schema places it: contacts:Body/BodySize/BodyTruncated for 2.5, airsyncbase:Body for 12.0+.
/// </summary>
internal static class ContactElementOrder
{
    public static readonly IReadOnlyList<ushort> Tags =
    [
        ContactsPage.Anniversary, ContactsPage.AssistantName, ContactsPage.AssistantPhoneNumber, ContactsPage.Birthday,
        ContactsPage.Body, AirSyncBase.Body,
        ContactsPage.Business2PhoneNumber, ContactsPage.BusinessAddressCity, ContactsPage.BusinessAddressCountry,
        ContactsPage.BusinessAddressPostalCode, ContactsPage.BusinessAddressState, ContactsPage.BusinessAddressStreet,
        ContactsPage.BusinessFaxNumber, ContactsPage.BusinessPhoneNumber, ContactsPage.CarPhoneNumber, ContactsPage.Categories,
        ContactsPage.Children, ContactsPage.CompanyName, ContactsPage.Department, ContactsPage.Email1Address, ContactsPage.Email2Address,
        ContactsPage.Email3Address, ContactsPage.FileAs, ContactsPage.FirstName, ContactsPage.Home2PhoneNumber, ContactsPage.HomeAddressCity,
        ContactsPage.HomeAddressCountry, ContactsPage.HomeAddressPostalCode, ContactsPage.HomeAddressState, ContactsPage.HomeAddressStreet,
        ContactsPage.HomeFaxNumber, ContactsPage.HomePhoneNumber, ContactsPage.JobTitle, ContactsPage.LastName, ContactsPage.MiddleName,
        ContactsPage.MobilePhoneNumber, ContactsPage.OfficeLocation, ContactsPage.OtherAddressCity, ContactsPage.OtherAddressCountry,
        ContactsPage.OtherAddressPostalCode, ContactsPage.OtherAddressState, ContactsPage.OtherAddressStreet, ContactsPage.PagerNumber,
        ContactsPage.RadioPhoneNumber, ContactsPage.Spouse, ContactsPage.Suffix, ContactsPage.Title, ContactsPage.WebPage,
        ContactsPage.YomiCompanyName, ContactsPage.YomiFirstName, ContactsPage.YomiLastName, ContactsPage.Picture, ContactsPage.Alias,
        ContactsPage.WeightedRank,
        Contacts2.CustomerId, Contacts2.GovernmentId, Contacts2.IMAddress, Contacts2.IMAddress2, Contacts2.IMAddress3,
        Contacts2.ManagerName, Contacts2.CompanyMainPhone, Contacts2.AccountName, Contacts2.NickName, Contacts2.MMS,
    ];

    /// <summary>The single-valued elements: every tag of <see cref="Tags"/> but the body, the two lists and the picture.</summary>
    public static readonly IReadOnlySet<ushort> FieldTags =
        Tags.Where(t => !IsBody(t) && t is not (ContactsPage.Categories or ContactsPage.Children or ContactsPage.Picture)).ToHashSet();

    public static bool IsBody(ushort tag) => tag is ContactsPage.Body or AirSyncBase.Body;

    public static bool IsField(ushort tag) => FieldTags.Contains(tag);
}
