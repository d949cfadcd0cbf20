using System.Collections.Immutable;
using Eas.Actors.Sync.Contacts;
using Eas.Wire.CodePages;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Tests.Contacts;

/// <summary>Contacts with every element of the Contacts and Contacts2 code pages filled.</summary>
internal static class ContactTestData
{
    /// <summary>A tiny but real PNG header followed by bytes, as base64.</summary>
    public static readonly string PngPicture = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 200).Select(i => (byte)i)]);

    public static ContactItem Item(params (ushort Tag, string Value)[] fields) =>
        new() { Fields = fields.ToImmutableDictionary(f => f.Tag, f => f.Value) };

    public static readonly (ushort Tag, string Value)[] Names =
    [
        (ContactsPage.LastName, "Berg"), (ContactsPage.FirstName, "Anna"), (ContactsPage.MiddleName, "Maria"),
        (ContactsPage.Title, "Dr."), (ContactsPage.Suffix, "Jr."), (ContactsPage.FileAs, "Berg, Anna"),
        (Contacts2.NickName, "Annie"), (ContactsPage.YomiFirstName, "アンナ"), (ContactsPage.YomiLastName, "ベルク"),
    ];

    public static readonly (ushort Tag, string Value)[] Emails =
    [
        (ContactsPage.Email1Address, "\"Anna Berg\" <anna@example.com>"), (ContactsPage.Email2Address, "anna.berg@work.example"),
        (ContactsPage.Email3Address, "Berg, Anna <a.b@example.org>"),
    ];

    public static readonly (ushort Tag, string Value)[] Phones =
    [
        (ContactsPage.BusinessPhoneNumber, "+49 30 1111"), (ContactsPage.Business2PhoneNumber, "+49 30 2222"),
        (ContactsPage.HomePhoneNumber, "+49 30 3333"), (ContactsPage.Home2PhoneNumber, "+49 30 4444"),
        (ContactsPage.MobilePhoneNumber, "+49 170 5555"), (ContactsPage.CarPhoneNumber, "+49 171 6666"),
        (ContactsPage.PagerNumber, "+49 172 7777"), (ContactsPage.RadioPhoneNumber, "+49 173 8888"),
        (ContactsPage.BusinessFaxNumber, "+49 30 9999"), (ContactsPage.HomeFaxNumber, "+49 30 1010"),
        (ContactsPage.AssistantPhoneNumber, "+49 30 1212"), (Contacts2.CompanyMainPhone, "+49 30 1000"),
        (Contacts2.MMS, "+49 174 1313"),
    ];

    public static readonly (ushort Tag, string Value)[] Addresses =
    [
        (ContactsPage.HomeAddressStreet, "Lindenstraße 1\nHinterhaus"), (ContactsPage.HomeAddressCity, "Berlin"),
        (ContactsPage.HomeAddressState, "BE"), (ContactsPage.HomeAddressPostalCode, "10969"), (ContactsPage.HomeAddressCountry, "Germany"),
        (ContactsPage.BusinessAddressStreet, "1 Main St; Suite 5"), (ContactsPage.BusinessAddressCity, "Springfield"),
        (ContactsPage.BusinessAddressState, "IL"), (ContactsPage.BusinessAddressPostalCode, "62701"), (ContactsPage.BusinessAddressCountry, "USA"),
        (ContactsPage.OtherAddressStreet, "Rue de la Paix, 3"), (ContactsPage.OtherAddressCity, "Paris"), (ContactsPage.OtherAddressState, "IDF"),
        (ContactsPage.OtherAddressPostalCode, "75002"), (ContactsPage.OtherAddressCountry, "France"),
    ];

    public static readonly (ushort Tag, string Value)[] Dates =
    [
        (ContactsPage.Birthday, "1980-01-02T00:00:00.000Z"), (ContactsPage.Anniversary, "2005-06-30T00:00:00.000Z"),
    ];

    public static readonly (ushort Tag, string Value)[] Work =
    [
        (ContactsPage.CompanyName, "Contoso; Ltd"), (ContactsPage.Department, "R&D"), (ContactsPage.JobTitle, "Engineer"),
        (ContactsPage.OfficeLocation, "Building 4, Room 2"), (ContactsPage.YomiCompanyName, "コントソ"),
        (Contacts2.ManagerName, "Carl Chef"), (ContactsPage.AssistantName, "Paul Assistent"),
    ];

    public static readonly (ushort Tag, string Value)[] Online =
    [
        (ContactsPage.WebPage, "https://anna.example.com/?a=1,b=2"), (Contacts2.IMAddress, "anna@jabber.example"),
        (Contacts2.IMAddress2, "xmpp:anna@xmpp.example"), (Contacts2.IMAddress3, "im:weird"),
    ];

    public static readonly (ushort Tag, string Value)[] Identifiers =
    [
        (Contacts2.CustomerId, "C-42"), (Contacts2.GovernmentId, "GOV\\123"), (Contacts2.AccountName, "aberg"),
        (ContactsPage.Spouse, "Bert Berg"), (ContactsPage.Alias, "aberg"), (ContactsPage.WeightedRank, "17"),
    ];

    public static ContactItem Full() =>
        Item([.. Names, .. Emails, .. Phones, .. Addresses, .. Dates, .. Work, .. Online, .. Identifiers]) with
        {
            Categories = ["Family", "Work, Berlin", "A;B"],
            Children = ["Clara", "David"],
            Body = "Met at the conference.\nLikes tea, not coffee; call after 6.\\o/",
            Picture = PngPicture,
        };
}
