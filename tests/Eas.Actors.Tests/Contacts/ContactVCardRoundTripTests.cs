using Eas.Actors.Sync.Contacts;
using Eas.Wire.CodePages;
using static Eas.Actors.Tests.Contacts.ContactTestData;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Tests.Contacts;

/// <summary>
/// Every element of the Contacts and Contacts2 code pages (MS-ASCNTC 2.2.2) goes EAS → vCard 4.0 → EAS unchanged,
/// one test per group, each also checking the vCard form the group is written in.
/// </summary>
public sealed class ContactVCardRoundTripTests
{
    private static string RoundTrips(ContactItem item)
    {
        var text = ContactVCard.Write("0b6f7c2e-uid", item, null);
        var card = ContactVCard.Read(text);
        card.Uid.ShouldBe("0b6f7c2e-uid");
        card.Card.Version.ShouldBe("4.0");
        card.Card.Warnings.ShouldBeEmpty();
        card.Item.ShouldBe(item);
        return VCardTestText.Unfold(text);
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_names_LastName_FirstName_MiddleName_Title_Suffix_FileAs_NickName_Yomi_as_N_FN_NICKNAME_X_PHONETIC()
    {
        var text = RoundTrips(Item(Names));
        text.ShouldContain("\r\nN:Berg;Anna;Maria;Dr.;Jr.\r\n");
        text.ShouldContain("\r\nFN:Berg\\, Anna\r\n");
        text.ShouldContain("\r\nNICKNAME:Annie\r\n");
        text.ShouldContain("\r\nX-PHONETIC-FIRST-NAME:アンナ\r\n");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_30_without_FileAs_FN_is_the_composed_name_and_reads_back_as_no_FileAs()
    {
        var text = RoundTrips(Item((ContactsPage.FirstName, "Anna"), (ContactsPage.LastName, "Berg")));
        text.ShouldContain("\r\nFN:Anna Berg\r\n");
        RoundTrips(Item((ContactsPage.CompanyName, "Contoso"))).ShouldContain("\r\nFN:Contoso\r\n");
        RoundTrips(ContactItem.Empty).ShouldContain("\r\nFN:\r\n");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_27_to_29_emails_keep_their_display_form_and_their_number()
    {
        var text = RoundTrips(Item(Emails));
        text.ShouldContain("\r\nEMAIL;X-EAS-ADDRESS=^'Anna Berg^' <anna@example.com>:anna@example.com\r\n");
        text.ShouldContain("\r\nEMAIL:anna.berg@work.example\r\n");
        text.ShouldContain("\r\nEMAIL;X-EAS-ADDRESS=\"Berg, Anna <a.b@example.org>\":a.b@example.org\r\n");
        RoundTrips(Item((ContactsPage.Email3Address, "third@example.com"))).ShouldContain("EMAIL;X-EAS-FIELD=Email3Address:third@example.com");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_phones_all_thirteen_as_TEL_types()
    {
        var text = RoundTrips(Item(Phones));
        text.ShouldContain("\r\nTEL;TYPE=work,voice:+49 30 1111\r\n");
        text.ShouldContain("\r\nTEL;TYPE=home,fax:+49 30 1010\r\n");
        text.ShouldContain("\r\nTEL;TYPE=cell:+49 170 5555\r\n");
        text.ShouldContain("\r\nTEL;TYPE=x-company-main:+49 30 1000\r\n");
        text.ShouldContain("\r\nTEL;TYPE=x-mms:+49 174 1313\r\n");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_10_and_33_a_second_number_alone_stays_the_second()
    {
        RoundTrips(Item((ContactsPage.Business2PhoneNumber, "2"), (ContactsPage.Home2PhoneNumber, "4"), (ContactsPage.HomePhoneNumber, "3")))
            .ShouldContain("TEL;TYPE=work,voice;X-EAS-FIELD=Business2PhoneNumber:2");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_addresses_home_business_other_as_ADR()
    {
        var text = RoundTrips(Item(Addresses));
        text.ShouldContain("\r\nADR;TYPE=home:;;Lindenstraße 1\\nHinterhaus;Berlin;BE;10969;Germany\r\n");
        text.ShouldContain("\r\nADR;TYPE=work:;;1 Main St\\; Suite 5;Springfield;IL;62701;USA\r\n");
        text.ShouldContain("\r\nADR:;;Rue de la Paix\\, 3;Paris;IDF;75002;France\r\n");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_3_and_6_Birthday_and_Anniversary_as_dates()
    {
        var text = RoundTrips(Item(Dates));
        text.ShouldContain("\r\nBDAY:19800102\r\n");
        text.ShouldContain("\r\nANNIVERSARY:20050630\r\n");
        RoundTrips(Item((ContactsPage.Birthday, "1604-03-15T00:00:00.000Z"))).ShouldContain("\r\nBDAY:--0315\r\n");
    }

    [Theory]
    [InlineData("1980-01-01T23:00:00.000Z")]
    [InlineData("1980-01-01T14:00:00.000Z")]
    [InlineData("1980-01-02T05:00:00.000Z")]
    [InlineData("1980-01-02T11:59:59.000Z")]
    public void MS_ASCNTC_2_2_2_6_a_birthday_shifted_by_the_phones_time_zone_keeps_its_calendar_date(string wire)
    {
        var text = ContactVCard.Write("u", Item((ContactsPage.Birthday, wire)), null);
        text.ShouldContain("\r\nBDAY:19800102\r\n");
        ContactVCard.Read(text).Item[ContactsPage.Birthday].ShouldBe("1980-01-02T00:00:00.000Z");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_work_company_department_title_office_manager_assistant()
    {
        var text = RoundTrips(Item(Work));
        text.ShouldContain("\r\nORG:Contoso\\; Ltd;R&D\r\n");
        text.ShouldContain("\r\nTITLE:Engineer\r\n");
        text.ShouldContain("\r\nX-EAS-OFFICELOCATION:Building 4\\, Room 2\r\n");
        text.ShouldContain("\r\nX-MANAGER:Carl Chef\r\n");
        text.ShouldContain("\r\nX-ASSISTANT:Paul Assistent\r\n");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_63_and_41_to_43_WebPage_and_IM_addresses_as_URL_and_IMPP()
    {
        var text = RoundTrips(Item(Online));
        text.ShouldContain("\r\nURL:https://anna.example.com/?a=1,b=2\r\n");
        text.ShouldContain("\r\nIMPP:im:anna@jabber.example\r\n");
        text.ShouldContain("\r\nIMPP:xmpp:anna@xmpp.example\r\n");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_ids_spouse_alias_rank_as_RELATED_and_X_EAS_properties()
    {
        var text = RoundTrips(Item(Identifiers));
        text.ShouldContain("\r\nRELATED;TYPE=spouse;VALUE=text:Bert Berg\r\n");
        text.ShouldContain("\r\nX-EAS-CUSTOMERID:C-42\r\n");
        text.ShouldContain("\r\nX-EAS-GOVERNMENTID:GOV\\\\123\r\n");
        text.ShouldContain("\r\nX-EAS-WEIGHTEDRANK:17\r\n");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_19_and_21_Categories_and_Children_keep_order_and_commas()
    {
        var text = RoundTrips(ContactItem.Empty with { Categories = ["Family", "Work, Berlin", "A;B"], Children = ["Clara", "David"] });
        text.ShouldContain("\r\nCATEGORIES:Family,Work\\, Berlin,A\\;B\r\n");
        text.ShouldContain("\r\nRELATED;TYPE=child;VALUE=text:Clara\r\n");
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_7_and_58_notes_and_picture_as_NOTE_and_a_data_URI_PHOTO()
    {
        var text = RoundTrips(ContactItem.Empty with { Body = "Line one\nLine, two; \\ three", Picture = PngPicture });
        text.ShouldContain("\r\nNOTE:Line one\\nLine\\, two\\; \\\\ three\r\n");
        text.ShouldContain("\r\nPHOTO:data:image/png;base64," + PngPicture[..20]);
    }

    [Fact]
    public void MS_ASCNTC_2_2_2_every_element_at_once()
    {
        var text = RoundTrips(Full());
        text.ShouldStartWith("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:0b6f7c2e-uid\r\n");
        text.ShouldEndWith("END:VCARD\r\n");
    }

    [Fact]
    public void Every_field_tag_of_both_code_pages_is_in_the_full_sample()
    {
        var tags = Full().Fields.Keys.ToHashSet();
        var expected = Enumerable.Range(0x0105, 0x3E - 0x05 + 1).Select(t => (ushort)t)
            .Where(t => t is not (ContactsPage.Body or ContactsPage.BodySize or ContactsPage.BodyTruncated or ContactsPage.Categories
                or ContactsPage.Category or ContactsPage.Children or ContactsPage.Child or ContactsPage.CompressedRTF or ContactsPage.Picture))
            .Concat(Enumerable.Range(Contacts2.CustomerId, Contacts2.MMS - Contacts2.CustomerId + 1).Select(t => (ushort)t));
        tags.ShouldBe(expected.ToHashSet(), ignoreOrder: true);
    }
}
