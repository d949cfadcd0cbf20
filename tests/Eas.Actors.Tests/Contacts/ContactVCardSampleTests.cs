using Eas.Actors.Sync.Contacts;
using Eas.Wire.CodePages;
using static Eas.Actors.Tests.Contacts.VCardTestText;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Tests.Contacts;

/// <summary>vCards in the forms the common writers produce (small samples written after their exports) read right.</summary>
public sealed class ContactVCardSampleTests
{
    private static readonly string AppleContacts30 = Crlf(
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Apple Inc.//macOS 14.0//EN",
        "N:Appleseed;Johnny;;Mr.;",
        "FN:Johnny Appleseed",
        "ORG:Apple Inc.;Engineering",
        "TITLE:Engineer",
        "item1.EMAIL;type=INTERNET;type=pref:johnny@apple.example",
        "item1.X-ABLabel:_$!<Other>!$_",
        "EMAIL;type=INTERNET;type=WORK:j.appleseed@work.example",
        "TEL;type=CELL;type=VOICE;type=pref:+1 408 555 0100",
        "TEL;type=HOME;type=VOICE:+1 408 555 0101",
        "item2.TEL:+1 408 555 0102",
        "item2.X-ABLabel:_$!<Assistant>!$_",
        "item3.ADR;type=HOME;type=pref:;;1 Infinite Loop;Cupertino;CA;95014;United States",
        "item3.X-ABADR:us",
        "item4.URL;type=pref:http\\://www.apple.example",
        "item4.X-ABLabel:_$!<HomePage>!$_",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-01",
        "item5.X-ABDATE;type=pref:2001-09-10",
        "item5.X-ABLabel:_$!<Anniversary>!$_",
        "item6.X-ABRELATEDNAMES;type=pref:Jane Appleseed",
        "item6.X-ABLabel:_$!<Spouse>!$_",
        "item7.X-ABRELATEDNAMES:Tim",
        "item7.X-ABLabel:_$!<Child>!$_",
        "X-PHONETIC-FIRST-NAME:Jonny",
        "NOTE:Likes apples\\, obviously.",
        "X-SOCIALPROFILE;type=twitter:http://twitter.com/johnny",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBk",
        " SEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBD",
        "CATEGORIES:friends,card",
        "UID:8F2E1B0A-0000-4A4A-9999-ABCDEF012345",
        "END:VCARD");

    private static readonly string Google30 = Crlf(
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Grace Hopper",
        "N:Hopper;Grace;Brewster;;",
        "NICKNAME:Amazing Grace",
        "EMAIL;TYPE=INTERNET;TYPE=HOME:grace@example.com",
        "EMAIL;TYPE=INTERNET;TYPE=WORK:ghopper@navy.example",
        "TEL;TYPE=CELL:+1 202 555 0199",
        "TEL;TYPE=WORK:+1 202 555 0142",
        "TEL;TYPE=WORK:+1 202 555 0143",
        "TEL;TYPE=WORK:+1 202 555 0144",
        "ADR;TYPE=WORK:;;Navy Yard;Washington;DC;20374;USA",
        "ORG:US Navy",
        "TITLE:Rear Admiral",
        "BDAY:1906-12-09",
        "URL:https\\://history.example/grace",
        "NOTE:Wrote the first compiler.\\nCOBOL too.",
        "CATEGORIES:myContacts,Starred in Android",
        "END:VCARD");

    private static readonly string Nextcloud40 = Crlf(
        "BEGIN:VCARD",
        "VERSION:4.0",
        "PRODID:-//Sabre//Sabre VObject 4.5.4//EN",
        "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
        "FN:Ada Lovelace",
        "N:Lovelace;Ada;;Countess;",
        "EMAIL;TYPE=HOME;PREF=2:ada@home.example",
        "EMAIL;TYPE=WORK;PREF=1:ada@engine.example",
        "TEL;TYPE=\"voice,home\";VALUE=uri:tel:+44-20-7946-0000",
        "IMPP;PREF=1:xmpp:ada@jabber.example",
        "ANNIVERSARY:18350708",
        "BDAY:--1210",
        "RELATED;TYPE=spouse;VALUE=text:William King",
        "RELATED;TYPE=child:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af",
        "GEO:geo:51.5,-0.12",
        "PHOTO:data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "REV:20261201T120000Z",
        "END:VCARD");

    private static readonly string Outlook21 = Crlf(
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N;LANGUAGE=de;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg",
        "FN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:J=F6rg M=FCller",
        "ORG;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Gro=DFhandel GmbH;Eink=E4ufer",
        "TITLE:Eink\u00e4ufer",
        "TEL;WORK;VOICE:+49 89 123456",
        "TEL;HOME;VOICE:+49 89 654321",
        "TEL;CELL;VOICE:+49 171 1234567",
        "TEL;WORK;FAX:+49 89 123457",
        "X-MS-TEL;TYPE=ASSISTANT:+49 89 123458",
        "ADR;WORK;PREF;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:;;Stra=DFe 1=0D=0A=",
        "Hof 2;M=FCnchen;BY;80331;Deutschland",
        "LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:Stra=DFe 1=0D=0AM=FCnchen",
        "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2",
        "EMAIL;PREF;INTERNET:joerg.mueller@example.de",
        "X-MS-IMADDRESS:joerg@im.example",
        "X-MS-SPOUSE;TYPE=N:Eva",
        "X-MS-MANAGER;TYPE=N:Chef",
        "X-MS-ANNIVERSARY:20100612",
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:Kunde seit 2019 =80 sehr wichtig",
        "X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns=\"http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards\"/>",
        "REV:20261201T101010Z",
        "END:VCARD");

    [Fact]
    public void Apple_Contacts_3_0_labels_groups_and_omitted_year()
    {
        var card = ContactVCard.Read(AppleContacts30);
        var item = card.Item;
        card.Uid.ShouldBe("8F2E1B0A-0000-4A4A-9999-ABCDEF012345");
        item[ContactsPage.LastName].ShouldBe("Appleseed");
        item[ContactsPage.Title].ShouldBe("Mr.");
        item[ContactsPage.FileAs].ShouldBeNull();
        item[ContactsPage.CompanyName].ShouldBe("Apple Inc.");
        item[ContactsPage.Department].ShouldBe("Engineering");
        item[ContactsPage.Email1Address].ShouldBe("johnny@apple.example");
        item[ContactsPage.Email2Address].ShouldBe("j.appleseed@work.example");
        item[ContactsPage.MobilePhoneNumber].ShouldBe("+1 408 555 0100");
        item[ContactsPage.HomePhoneNumber].ShouldBe("+1 408 555 0101");
        item[ContactsPage.AssistantPhoneNumber].ShouldBe("+1 408 555 0102");
        item[ContactsPage.HomeAddressCity].ShouldBe("Cupertino");
        item[ContactsPage.WebPage].ShouldBe("http://www.apple.example");
        item[ContactsPage.Birthday].ShouldBe("1604-04-01T00:00:00.000Z");
        item[ContactsPage.Anniversary].ShouldBe("2001-09-10T00:00:00.000Z");
        item[ContactsPage.Spouse].ShouldBe("Jane Appleseed");
        item.Children.ShouldBe(["Tim"]);
        item[ContactsPage.YomiFirstName].ShouldBe("Jonny");
        item.Body.ShouldBe("Likes apples, obviously.");
        item.Picture.ShouldStartWith("/9j/4AAQ");
        item.Picture.ShouldEndWith("/2wBD");
        item.Categories.ShouldBe(["friends", "card"]);
        card.Card.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Google_3_0_types_and_a_third_work_number_kept_unmapped()
    {
        var card = ContactVCard.Read(Google30);
        var item = card.Item;
        item[ContactsPage.MiddleName].ShouldBe("Brewster");
        item[Contacts2.NickName].ShouldBe("Amazing Grace");
        item[ContactsPage.Email1Address].ShouldBe("grace@example.com");
        item[ContactsPage.BusinessPhoneNumber].ShouldBe("+1 202 555 0142");
        item[ContactsPage.Business2PhoneNumber].ShouldBe("+1 202 555 0143");
        item[ContactsPage.BusinessAddressStreet].ShouldBe("Navy Yard");
        item[ContactsPage.Birthday].ShouldBe("1906-12-09T00:00:00.000Z");
        item[ContactsPage.WebPage].ShouldBe("https://history.example/grace");
        item.Body.ShouldBe("Wrote the first compiler.\nCOBOL too.");

        var written = ContactVCard.Write("g1", item, card.Card);
        written.ShouldContain("TEL;TYPE=WORK:+1 202 555 0144");
    }

    [Fact]
    public void Nextcloud_4_0_pref_order_uri_values_and_dates_without_year()
    {
        var card = ContactVCard.Read(Nextcloud40);
        var item = card.Item;
        card.Uid.ShouldBe("4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
        item[ContactsPage.Title].ShouldBe("Countess");
        item[ContactsPage.Email1Address].ShouldBe("ada@engine.example");
        item[ContactsPage.Email2Address].ShouldBe("ada@home.example");
        item[ContactsPage.HomePhoneNumber].ShouldBe("+44-20-7946-0000");
        item[Contacts2.IMAddress].ShouldBe("xmpp:ada@jabber.example");
        item[ContactsPage.Anniversary].ShouldBe("1835-07-08T00:00:00.000Z");
        item[ContactsPage.Birthday].ShouldBe("1604-12-10T00:00:00.000Z");
        item[ContactsPage.Spouse].ShouldBe("William King");
        item.Children.ShouldBeEmpty();
        item.Picture.ShouldStartWith("iVBORw0KGgo");
    }

    [Fact]
    public void Outlook_2_1_quoted_printable_in_windows_1252()
    {
        var card = ContactVCard.Read(Outlook21);
        var item = card.Item;
        card.Card.Warnings.ShouldBeEmpty();
        item[ContactsPage.LastName].ShouldBe("Müller");
        item[ContactsPage.FirstName].ShouldBe("Jörg");
        item[ContactsPage.FileAs].ShouldBeNull();
        item[ContactsPage.CompanyName].ShouldBe("Großhandel GmbH");
        item[ContactsPage.Department].ShouldBe("Einkäufer");
        item[ContactsPage.BusinessPhoneNumber].ShouldBe("+49 89 123456");
        item[ContactsPage.HomePhoneNumber].ShouldBe("+49 89 654321");
        item[ContactsPage.MobilePhoneNumber].ShouldBe("+49 171 1234567");
        item[ContactsPage.BusinessFaxNumber].ShouldBe("+49 89 123457");
        item[ContactsPage.AssistantPhoneNumber].ShouldBe("+49 89 123458");
        item[ContactsPage.BusinessAddressStreet].ShouldBe("Straße 1\nHof 2");
        item[ContactsPage.BusinessAddressCity].ShouldBe("München");
        item[ContactsPage.Email1Address].ShouldBe("joerg.mueller@example.de");
        item[Contacts2.IMAddress].ShouldBe("joerg@im.example");
        item[ContactsPage.Spouse].ShouldBe("Eva");
        item[Contacts2.ManagerName].ShouldBe("Chef");
        item[ContactsPage.Anniversary].ShouldBe("2010-06-12T00:00:00.000Z");
        item.Body.ShouldBe("Kunde seit 2019 € sehr wichtig");
    }
}
